using Engage.Sdk.Data;

namespace Engage.Plugins.EngagementMetrics.Engagement;

/// <summary>The totals of one period: for the whole workspace and per account (in id order).</summary>
internal sealed class PeriodTotals
{
    public PostTotals Workspace { get; } = new();

    public SortedDictionary<long, PostTotals> ByAccount { get; } = [];

    public void Add(PostView post)
    {
        Workspace.Add(post);
        if (!ByAccount.TryGetValue(post.AccountId, out var account))
        {
            ByAccount[post.AccountId] = account = new PostTotals();
        }

        account.Add(post);
    }
}
