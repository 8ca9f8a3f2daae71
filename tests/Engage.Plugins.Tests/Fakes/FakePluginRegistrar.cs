using Engage.Sdk.Connectors;
using Engage.Sdk.Metrics;
using Engage.Sdk.Plugins;
using Engage.Sdk.Reports;

namespace Engage.Plugins.Tests.Fakes;

/// <summary>Collects what a plugin registers.</summary>
internal sealed class FakePluginRegistrar : IPluginRegistrar
{
    public Version SdkVersion => SdkInfo.Version;

    public List<IConnector> Connectors { get; } = [];

    public List<IMetricCalculator> Calculators { get; } = [];

    public List<IReportTemplate> Templates { get; } = [];

    public void AddConnector(IConnector connector) => Connectors.Add(connector);

    public void AddMetricCalculator(IMetricCalculator calculator) => Calculators.Add(calculator);

    public void AddReportTemplate(IReportTemplate template) => Templates.Add(template);
}
