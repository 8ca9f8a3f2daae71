using System.Runtime.Loader;
using Engage.Sdk.Connectors;
using Engage.Sdk.Metrics;
using Engage.Sdk.Reports;

namespace Engage.Host.Plugins;

/// <summary>A plugin found in the plugins folder: what its manifest says, what it registered, and its status.</summary>
internal sealed class LoadedPlugin(string id, string folder)
{
    private readonly Lock _gate = new();

    public string Id { get; } = id;
    public string Folder { get; } = folder;
    public string? Version { get; init; }
    public string? DisplayName { get; init; }
    public string? SdkRange { get; init; }
    public PluginStatus Status { get; private set; } = PluginStatus.Failed;
    public string? Reason { get; private set; }
    public int ConsecutiveFaults { get; private set; }

    public AssemblyLoadContext? Context { get; set; }
    public IReadOnlyList<IConnector> Connectors { get; set; } = [];
    public IReadOnlyList<IMetricCalculator> Calculators { get; set; } = [];
    public IReadOnlyList<IReportTemplate> Templates { get; set; } = [];

    public bool IsAvailable => Status == PluginStatus.Loaded;

    public string Kinds => string.Join(",", new[]
    {
        Connectors.Count > 0 ? "Connector" : null,
        Calculators.Count > 0 ? "MetricCalculator" : null,
        Templates.Count > 0 ? "ReportTemplate" : null,
    }.Where(k => k is not null));

    public void SetStatus(PluginStatus status, string? reason)
    {
        lock (_gate)
        {
            Status = status;
            Reason = reason;
        }
    }

    /// <summary>Counts a fault; returns true when this fault crosses the quarantine threshold.</summary>
    public bool RecordFault(int threshold, string reason)
    {
        lock (_gate)
        {
            ConsecutiveFaults++;
            if (Status != PluginStatus.Loaded || ConsecutiveFaults < threshold)
            {
                return false;
            }

            Status = PluginStatus.Quarantined;
            Reason = $"Quarantined after {ConsecutiveFaults} failures in a row; last: {reason}. Fix or update the plugin and restart Engage.";
            return true;
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            ConsecutiveFaults = 0;
        }
    }
}
