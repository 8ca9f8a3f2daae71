using Engage.Plugins.EngagementMetrics.Engagement;
using Engage.Sdk.Plugins;

namespace Engage.Plugins.EngagementMetrics;

/// <summary>Registers the <c>engagement</c> metric calculator.</summary>
public sealed class EngagementMetricsPlugin : IEngagePlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddMetricCalculator(new EngagementCalculator());
    }
}
