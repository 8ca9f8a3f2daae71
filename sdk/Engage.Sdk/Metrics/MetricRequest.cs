namespace Engage.Sdk.Metrics;

/// <summary>What to compute: every metric of the calculator, for the periods that start within the range.</summary>
/// <param name="Range">The days, in the workspace's time zone. The host aligns it to whole weeks and months.</param>
/// <param name="Periods">The period lengths to produce.</param>
public sealed record MetricRequest(Data.DateRange Range, IReadOnlyList<MetricPeriod> Periods);
