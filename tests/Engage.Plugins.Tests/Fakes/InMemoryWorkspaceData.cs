using System.Runtime.CompilerServices;
using Engage.Sdk.Data;
using Engage.Sdk.Metrics;

namespace Engage.Plugins.Tests.Fakes;

/// <summary>
/// The host's read-only workspace view over lists, in key order, refusing reads of kinds the plugin did not
/// declare (as the host does).
/// </summary>
internal sealed class InMemoryWorkspaceData(WorkspaceDataKinds declared, WorkspaceView? workspace = null) : IWorkspaceData
{
    public WorkspaceView Workspace { get; } = workspace ?? new WorkspaceView(1, "Riverside City Library", "Europe/Paris");

    public List<AccountView> Accounts { get; } = [];
    public List<PostView> Posts { get; } = [];
    public List<InteractionView> Interactions { get; } = [];
    public List<AccountDailyStatView> DailyStats { get; } = [];
    public List<ConversationView> Conversations { get; } = [];
    public List<MetricValueView> MetricValues { get; } = [];

    public IAsyncEnumerable<AccountView> GetAccountsAsync(CancellationToken cancellationToken) =>
        Stream(WorkspaceDataKinds.Accounts, Accounts.OrderBy(a => a.Id), cancellationToken);

    public IAsyncEnumerable<PostView> GetPostsAsync(DateRange range, CancellationToken cancellationToken) =>
        Stream(WorkspaceDataKinds.Posts, Posts.Where(p => range.Contains(p.PublishedDate)).OrderBy(p => p.Id), cancellationToken);

    public IAsyncEnumerable<InteractionView> GetInteractionsAsync(DateRange range, CancellationToken cancellationToken) =>
        Stream(WorkspaceDataKinds.Interactions, Interactions.Where(i => range.Contains(i.CreatedDate)).OrderBy(i => i.Id), cancellationToken);

    public IAsyncEnumerable<AccountDailyStatView> GetAccountDailyStatsAsync(DateRange range, CancellationToken cancellationToken) =>
        Stream(WorkspaceDataKinds.AccountDailyStats, DailyStats.Where(s => range.Contains(s.Date)).OrderBy(s => s.AccountId).ThenBy(s => s.Date), cancellationToken);

    public IAsyncEnumerable<ConversationView> GetConversationsAsync(DateRange range, CancellationToken cancellationToken) =>
        Stream(
            WorkspaceDataKinds.Conversations,
            Conversations.Where(c => DateOnly.FromDateTime(c.LastActivityAt.UtcDateTime) >= range.From
                                     && DateOnly.FromDateTime(c.StartedAt.UtcDateTime) <= range.To).OrderBy(c => c.Id),
            cancellationToken);

    public IAsyncEnumerable<MetricValueView> GetMetricValuesAsync(
        string metric, MetricPeriod period, DateRange range, CancellationToken cancellationToken) =>
        Stream(
            WorkspaceDataKinds.MetricValues,
            MetricValues.Where(v => v.Metric == metric && v.Period == period && range.Contains(v.Date))
                .OrderBy(v => v.Date).ThenBy(v => v.AccountId ?? 0),
            cancellationToken);

    private async IAsyncEnumerable<T> Stream<T>(
        WorkspaceDataKinds kind, IEnumerable<T> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!declared.HasFlag(kind))
        {
            throw new InvalidOperationException($"The plugin did not declare that it reads {kind}.");
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return row;
        }
    }
}
