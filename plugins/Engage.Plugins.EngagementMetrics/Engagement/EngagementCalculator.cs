using System.Runtime.CompilerServices;
using Engage.Sdk.Data;
using Engage.Sdk.Metrics;

namespace Engage.Plugins.EngagementMetrics.Engagement;

/// <summary>
/// Engagements per post and engagement rate on impressions, per requested period kind, for each account
/// and for the whole workspace. Values come out ordered by period kind (as requested), period date,
/// metric, then the workspace-wide value before the accounts in id order.
/// </summary>
internal sealed class EngagementCalculator : IMetricCalculator
{
    public MetricCalculatorInfo Info { get; } = new("engagement", "1.0.0", MetricCatalog.All, WorkspaceDataKinds.Posts | WorkspaceDataKinds.Accounts)
    {
        DisplayName = "Engagement",
    };

    public async IAsyncEnumerable<MetricValueItem> ComputeAsync(
        IWorkspaceData data, MetricRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        var periods = request.Periods.Distinct().ToList();
        if (periods.Count == 0 || request.Range.To < request.Range.From)
        {
            yield break;
        }

        var networks = new Dictionary<long, string>();
        await foreach (var account in data.GetAccountsAsync(cancellationToken))
        {
            networks[account.Id] = account.Network;
        }

        // A week or month that starts within the range may end after it: read up to its last day.
        var readTo = periods.Max(p => Periods.End(p, Periods.Start(p, request.Range.To)));
        var totals = periods.ToDictionary(p => p, _ => new SortedDictionary<DateOnly, PeriodTotals>());
        await foreach (var post in data.GetPostsAsync(new DateRange(request.Range.From, readTo), cancellationToken))
        {
            networks.TryAdd(post.AccountId, post.Network);
            foreach (var period in periods)
            {
                var start = Periods.Start(period, post.PublishedDate);
                if (!request.Range.Contains(start))
                {
                    continue;
                }

                if (!totals[period].TryGetValue(start, out var group))
                {
                    totals[period][start] = group = new PeriodTotals();
                }

                group.Add(post);
            }
        }

        foreach (var period in periods)
        {
            foreach (var (start, group) in totals[period])
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var value in Values(period, start, group, networks))
                {
                    yield return value;
                }
            }
        }
    }

    private static IEnumerable<MetricValueItem> Values(
        MetricPeriod period, DateOnly start, PeriodTotals group, Dictionary<long, string> networks)
    {
        var scopes = group.ByAccount.Select(a => (AccountId: (long?)a.Key, Network: (string?)networks[a.Key], Totals: a.Value))
            .Prepend((AccountId: null, Network: null, Totals: group.Workspace))
            .ToList();

        foreach (var (accountId, network, totals) in scopes)
        {
            if (Ratio(MetricCatalog.EngagementsPerPost, totals.Engagements, totals.PostsWithEngagements) is { } perPost)
            {
                yield return perPost with { AccountId = accountId, Network = network };
            }
        }

        foreach (var (accountId, network, totals) in scopes)
        {
            if (Ratio(MetricCatalog.EngagementRateImpressions, totals.EngagementsWithImpressions, totals.Impressions) is { } rate)
            {
                yield return rate with { AccountId = accountId, Network = network };
            }
        }

        // A ratio with its numerator and denominator, so analysts can re-aggregate; none when the denominator is zero.
        MetricValueItem? Ratio(string metric, double numerator, double denominator) =>
            denominator > 0
                ? new MetricValueItem(metric, period, start, numerator / denominator) { Numerator = numerator, Denominator = denominator }
                : null;
    }
}
