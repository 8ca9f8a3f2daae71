using Engage.Sdk.Connectors;
using Engage.Sdk.Metrics;
using Engage.Sdk.Reports;

namespace Engage.Sdk.Plugins;

/// <summary>Collects what a plugin provides during <see cref="IEngagePlugin.Register"/>.</summary>
public interface IPluginRegistrar
{
    /// <summary>The version of the SDK the host runs (the plugin may adapt to minor versions).</summary>
    Version SdkVersion { get; }

    /// <summary>Registers a network connector.</summary>
    /// <param name="connector">The connector; its <see cref="IConnector.Info"/> id must be declared in the manifest.</param>
    void AddConnector(IConnector connector);

    /// <summary>Registers a metric calculator.</summary>
    /// <param name="calculator">The calculator; its <see cref="IMetricCalculator.Info"/> name must be declared in the manifest.</param>
    void AddMetricCalculator(IMetricCalculator calculator);

    /// <summary>Registers a report template.</summary>
    /// <param name="template">The template; its <see cref="IReportTemplate.Info"/> name must be declared in the manifest.</param>
    void AddReportTemplate(IReportTemplate template);
}
