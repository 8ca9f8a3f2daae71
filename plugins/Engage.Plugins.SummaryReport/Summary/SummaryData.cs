using Engage.Sdk.Data;

namespace Engage.Plugins.SummaryReport.Summary;

/// <summary>Everything the summary gathered from the workspace, before it is turned into a model.</summary>
internal sealed class SummaryData(DateRange period)
{
    public DateRange Period { get; } = period;
    public List<AccountView> Accounts { get; } = [];
    public ScopeTotals Workspace { get; } = new();
    public Dictionary<long, ScopeTotals> ByAccount { get; } = [];
    public List<PostView> TopPosts { get; } = [];
    public FirstResponses Responses { get; } = new();
    public List<MetricValueView> WeeklyRates { get; } = [];

    public ScopeTotals For(long accountId)
    {
        if (!ByAccount.TryGetValue(accountId, out var totals))
        {
            ByAccount[accountId] = totals = new ScopeTotals();
        }

        return totals;
    }
}
