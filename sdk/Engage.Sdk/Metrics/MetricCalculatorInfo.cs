using Engage.Sdk.Data;

namespace Engage.Sdk.Metrics;

/// <summary>Describes a metric calculator. The name must match the plugin manifest.</summary>
/// <param name="Name">Unique, lower-case (<c>engagement</c>); written to every value it produces.</param>
/// <param name="Version">The calculator's version, written to every value (change it when a formula changes).</param>
/// <param name="Metrics">The metrics it produces.</param>
/// <param name="Reads">The data it reads.</param>
public sealed record MetricCalculatorInfo(
    string Name, string Version, IReadOnlyList<MetricDefinition> Metrics, WorkspaceDataKinds Reads)
{
    /// <summary>What people see.</summary>
    public string? DisplayName { get; init; }
}
