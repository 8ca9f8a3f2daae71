using Engage.Sdk.Connectors;
using Engage.Sdk.Metrics;
using Engage.Sdk.Plugins;
using Engage.Sdk.Reports;

namespace Engage.Host.Plugins.Loading;

/// <summary>Collects what a plugin registers, for comparison with its manifest.</summary>
internal sealed class PluginRegistrar : IPluginRegistrar
{
    public Version SdkVersion => SdkInfo.Version;
    public List<IConnector> Connectors { get; } = [];
    public List<IMetricCalculator> Calculators { get; } = [];
    public List<IReportTemplate> Templates { get; } = [];

    public void AddConnector(IConnector connector) => Connectors.Add(connector ?? throw new ArgumentNullException(nameof(connector)));

    public void AddMetricCalculator(IMetricCalculator calculator) => Calculators.Add(calculator ?? throw new ArgumentNullException(nameof(calculator)));

    public void AddReportTemplate(IReportTemplate template) => Templates.Add(template ?? throw new ArgumentNullException(nameof(template)));
}
