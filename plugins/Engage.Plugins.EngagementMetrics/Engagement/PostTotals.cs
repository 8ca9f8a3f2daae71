using Engage.Sdk.Data;

namespace Engage.Plugins.EngagementMetrics.Engagement;

/// <summary>The sums one metric value is computed from: one period, one account or the whole workspace.</summary>
internal sealed class PostTotals
{
    /// <summary>Posts whose engagements are known.</summary>
    public long PostsWithEngagements { get; private set; }

    /// <summary>Engagements of those posts.</summary>
    public long Engagements { get; private set; }

    /// <summary>Engagements of the posts whose engagements and impressions are both known.</summary>
    public long EngagementsWithImpressions { get; private set; }

    /// <summary>Impressions of those posts.</summary>
    public long Impressions { get; private set; }

    public void Add(PostView post)
    {
        if (post.Engagements is not { } engagements)
        {
            return;
        }

        PostsWithEngagements++;
        Engagements += engagements;
        if (post.Impressions is { } impressions)
        {
            EngagementsWithImpressions += engagements;
            Impressions += impressions;
        }
    }
}
