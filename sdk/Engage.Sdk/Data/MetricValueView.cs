using Engage.Sdk.Metrics;

namespace Engage.Sdk.Data;

/// <summary>A stored metric value, read-only.</summary>
/// <param name="Metric">The metric name.</param>
/// <param name="Period">The period the value covers.</param>
/// <param name="Date">The first day of the period.</param>
/// <param name="Value">The value.</param>
public sealed record MetricValueView(string Metric, MetricPeriod Period, DateOnly Date, double Value)
{
    /// <summary>The account it is for; null for workspace-wide values.</summary>
    public long? AccountId { get; init; }
    /// <summary>The network it is for; null for values across networks.</summary>
    public string? Network { get; init; }
    /// <summary>The numerator, for ratios.</summary>
    public double? Numerator { get; init; }
    /// <summary>The denominator, for ratios.</summary>
    public double? Denominator { get; init; }
    /// <summary>The calculator that produced it.</summary>
    public string Calculator { get; init; } = "";
}
