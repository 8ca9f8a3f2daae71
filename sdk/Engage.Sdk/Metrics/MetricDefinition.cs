namespace Engage.Sdk.Metrics;

/// <summary>What one metric means; published in the <c>Metrics</c> entity set.</summary>
/// <param name="Name">Stable, lower-case with underscores (<c>engagement_rate</c>).</param>
/// <param name="Description">What it measures, for analysts.</param>
/// <param name="Formula">The formula in words (<c>engagements / impressions</c>).</param>
/// <param name="Unit">The unit (<c>ratio</c>, <c>count</c>, <c>seconds</c>).</param>
public sealed record MetricDefinition(string Name, string Description, string Formula, string Unit);
