using Engage.Sdk.Metrics;

namespace Engage.Plugins.EngagementMetrics.Engagement;

/// <summary>The metrics of the <c>engagement</c> calculator, as published in the <c>Metrics</c> entity set.</summary>
internal static class MetricCatalog
{
    public const string EngagementsPerPost = "engagements_per_post";
    public const string EngagementRateImpressions = "engagement_rate_impressions";

    public static MetricDefinition EngagementsPerPostDefinition { get; } = new(
        EngagementsPerPost,
        "How many engagements (likes, comments, shares, saves, clicks as the network counts them) a post published in the period received on average.",
        "sum of the engagements of the posts published in the period / number of those posts; posts whose engagements are unknown are left out of both",
        "engagements");

    public static MetricDefinition EngagementRateImpressionsDefinition { get; } = new(
        EngagementRateImpressions,
        "The share of impressions that turned into an engagement, for posts published in the period on networks that report impressions.",
        "sum of engagements / sum of impressions, over the posts published in the period whose engagements and impressions are both known; no value when the impressions add up to zero",
        "ratio");

    /// <summary>In the order values are produced.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } = [EngagementsPerPostDefinition, EngagementRateImpressionsDefinition];
}
