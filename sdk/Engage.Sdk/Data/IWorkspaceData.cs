using Engage.Sdk.Metrics;

namespace Engage.Sdk.Data;

/// <summary>
/// A read-only, streaming view of one workspace's data, run by the host. Plugins never open the database.
/// Each method streams rows in key order; a read of a kind the plugin did not declare throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
public interface IWorkspaceData
{
    /// <summary>The workspace.</summary>
    WorkspaceView Workspace { get; }

    /// <summary>The workspace's accounts.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<AccountView> GetAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Posts published within <paramref name="range"/> (by <see cref="PostView.PublishedDate"/>).</summary>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<PostView> GetPostsAsync(DateRange range, CancellationToken cancellationToken);

    /// <summary>Interactions within <paramref name="range"/> (by <see cref="InteractionView.CreatedDate"/>).</summary>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<InteractionView> GetInteractionsAsync(DateRange range, CancellationToken cancellationToken);

    /// <summary>Daily account figures within <paramref name="range"/>.</summary>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<AccountDailyStatView> GetAccountDailyStatsAsync(DateRange range, CancellationToken cancellationToken);

    /// <summary>Conversations with activity within <paramref name="range"/>.</summary>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<ConversationView> GetConversationsAsync(DateRange range, CancellationToken cancellationToken);

    /// <summary>Stored values of one metric whose period starts within <paramref name="range"/>.</summary>
    /// <param name="metric">The metric name.</param>
    /// <param name="period">The period length.</param>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<MetricValueView> GetMetricValuesAsync(
        string metric, MetricPeriod period, DateRange range, CancellationToken cancellationToken);
}
