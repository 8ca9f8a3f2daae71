namespace Engage.Sdk.Metrics;

/// <summary>
/// One computed figure. The host stores it with the calculator's name and version, replacing the value
/// it computed before for the same metric, period, date, account and network.
/// </summary>
/// <param name="Metric">One of the calculator's metric names.</param>
/// <param name="Period">The period length.</param>
/// <param name="Date">The first day of the period.</param>
/// <param name="Value">The figure.</param>
public sealed record MetricValueItem(string Metric, MetricPeriod Period, DateOnly Date, double Value)
{
    /// <summary>The account; null for workspace-wide values.</summary>
    public long? AccountId { get; init; }
    /// <summary>The network; null for values across networks.</summary>
    public string? Network { get; init; }
    /// <summary>For ratios: the numerator, so analysts can re-aggregate correctly.</summary>
    public double? Numerator { get; init; }
    /// <summary>For ratios: the denominator.</summary>
    public double? Denominator { get; init; }
}
