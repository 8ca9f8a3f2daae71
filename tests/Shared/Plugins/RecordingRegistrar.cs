using Engage.Sdk.Connectors;
using Engage.Sdk.Metrics;
using Engage.Sdk.Plugins;
using Engage.Sdk.Reports;

namespace Engage.Tests.Shared.Plugins;

/// <summary>Keeps the connectors a connector-only plugin registers; a calculator or template is a mistake.</summary>
/// <param name="plugin">The plugin's display name, for the message.</param>
internal sealed class RecordingRegistrar(string plugin) : IPluginRegistrar
{
    public List<IConnector> Connectors { get; } = [];

    public Version SdkVersion => SdkInfo.Version;

    public void AddConnector(IConnector connector) => Connectors.Add(connector);

    public void AddMetricCalculator(IMetricCalculator calculator) => throw new InvalidOperationException($"The {plugin} plugin has no calculators.");

    public void AddReportTemplate(IReportTemplate template) => throw new InvalidOperationException($"The {plugin} plugin has no templates.");
}
