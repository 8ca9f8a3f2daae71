using System.Runtime.CompilerServices;
using Engage.Host.Store;
using Engage.Sdk.Data;
using Engage.Sdk.Metrics;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Metrics;

/// <summary>
/// The read-only, streaming view of one workspace that calculators and report templates receive. Only
/// the kinds of data the plugin declared can be read; every query is parameterised and scoped to the
/// workspace.
/// </summary>
internal sealed class WorkspaceDataView(EngageDatabase database, WorkspaceView workspace, WorkspaceDataKinds allowed, string pluginId) : IWorkspaceData
{
    public WorkspaceView Workspace { get; } = workspace;

    public IAsyncEnumerable<AccountView> GetAccountsAsync(CancellationToken cancellationToken) =>
        QueryAsync(WorkspaceDataKinds.Accounts,
            "SELECT Id, Network, Handle, DisplayName, FollowersCount FROM Accounts WHERE WorkspaceId = @w ORDER BY Id", null,
            r => new AccountView(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetNullableString(3), r.GetNullableInt64(4)), cancellationToken);

    public IAsyncEnumerable<PostView> GetPostsAsync(DateRange range, CancellationToken cancellationToken) =>
        QueryAsync(WorkspaceDataKinds.Posts,
            """
            SELECT Id, AccountId, Network, PublishedAt, PublishedDate, Kind, Text, Url, Impressions, Reach, Likes, Comments, Shares, Saves,
                   Clicks, VideoViews, Engagements
            FROM Posts WHERE WorkspaceId = @w AND PublishedDate BETWEEN @from AND @to ORDER BY Id
            """, range,
            r => new PostView(r.GetInt64(0), r.GetInt64(1), r.GetString(2), DbTime.ParseTimestamp(r.GetString(3)), DbTime.ParseDate(r.GetString(4)))
            {
                Kind = r.GetString(5), Text = r.GetNullableString(6), Url = r.GetNullableString(7), Impressions = r.GetNullableInt64(8),
                Reach = r.GetNullableInt64(9), Likes = r.GetNullableInt64(10), Comments = r.GetNullableInt64(11), Shares = r.GetNullableInt64(12),
                Saves = r.GetNullableInt64(13), Clicks = r.GetNullableInt64(14), VideoViews = r.GetNullableInt64(15), Engagements = r.GetNullableInt64(16),
            }, cancellationToken);

    public IAsyncEnumerable<InteractionView> GetInteractionsAsync(DateRange range, CancellationToken cancellationToken) =>
        QueryAsync(WorkspaceDataKinds.Interactions,
            """
            SELECT Id, AccountId, Network, Kind, Direction, CreatedAt, CreatedDate, PostId, ContactId, ConversationId, Text, Language,
                   Sentiment, Status, ResponseSeconds
            FROM Interactions WHERE WorkspaceId = @w AND CreatedDate BETWEEN @from AND @to ORDER BY Id
            """, range,
            r => new InteractionView(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
                DbTime.ParseTimestamp(r.GetString(5)), DbTime.ParseDate(r.GetString(6)))
            {
                PostId = r.GetNullableInt64(7), ContactId = r.GetNullableInt64(8), ConversationId = r.GetNullableInt64(9),
                Text = r.GetNullableString(10), Language = r.GetNullableString(11), Sentiment = r.GetNullableString(12),
                Status = r.GetString(13), ResponseSeconds = r.GetNullableInt64(14),
            }, cancellationToken);

    public IAsyncEnumerable<AccountDailyStatView> GetAccountDailyStatsAsync(DateRange range, CancellationToken cancellationToken) =>
        QueryAsync(WorkspaceDataKinds.AccountDailyStats,
            """
            SELECT AccountId, Network, Date, Followers, FollowersGained, FollowersLost, Impressions, Reach, ProfileVisits, PageViews, WebsiteClicks
            FROM AccountDailyStats WHERE WorkspaceId = @w AND Date BETWEEN @from AND @to ORDER BY AccountId, Date
            """, range,
            r => new AccountDailyStatView(r.GetInt64(0), r.GetString(1), DbTime.ParseDate(r.GetString(2)))
            {
                Followers = r.GetNullableInt64(3), FollowersGained = r.GetNullableInt64(4), FollowersLost = r.GetNullableInt64(5),
                Impressions = r.GetNullableInt64(6), Reach = r.GetNullableInt64(7), ProfileVisits = r.GetNullableInt64(8),
                PageViews = r.GetNullableInt64(9), WebsiteClicks = r.GetNullableInt64(10),
            }, cancellationToken);

    public IAsyncEnumerable<ConversationView> GetConversationsAsync(DateRange range, CancellationToken cancellationToken) =>
        QueryAsync(WorkspaceDataKinds.Conversations,
            """
            SELECT Id, AccountId, Network, StartedAt, LastActivityAt, MessagesIn, MessagesOut, ContactId, FirstResponseSeconds
            FROM Conversations WHERE WorkspaceId = @w AND StartedDate <= @to AND substr(LastActivityAt, 1, 10) >= @from ORDER BY Id
            """, range,
            r => new ConversationView(r.GetInt64(0), r.GetInt64(1), r.GetString(2), DbTime.ParseTimestamp(r.GetString(3)),
                DbTime.ParseTimestamp(r.GetString(4)), r.GetInt64(5), r.GetInt64(6))
            {
                ContactId = r.GetNullableInt64(7), FirstResponseSeconds = r.GetNullableInt64(8),
            }, cancellationToken);

    public IAsyncEnumerable<MetricValueView> GetMetricValuesAsync(string metric, MetricPeriod period, DateRange range, CancellationToken cancellationToken) =>
        QueryAsync(WorkspaceDataKinds.MetricValues,
            """
            SELECT Metric, Period, Date, Value, AccountId, Network, Numerator, Denominator, Calculator
            FROM MetricValues WHERE WorkspaceId = @w AND Metric = @m AND Period = @p AND Date BETWEEN @from AND @to ORDER BY Date, AccountId
            """, range,
            r => new MetricValueView(r.GetString(0), Enum.Parse<MetricPeriod>(r.GetString(1)), DbTime.ParseDate(r.GetString(2)), r.GetDouble(3))
            {
                AccountId = r.GetNullableInt64(4), Network = r.GetNullableString(5), Numerator = r.GetNullableDouble(6),
                Denominator = r.GetNullableDouble(7), Calculator = r.GetString(8),
            }, cancellationToken, ("@m", metric), ("@p", period.ToString()));

    private async IAsyncEnumerable<T> QueryAsync<T>(
        WorkspaceDataKinds kind, string sql, DateRange? range, Func<SqliteDataReader, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken, params (string Name, object Value)[] extra)
    {
        if (!allowed.HasFlag(kind))
        {
            throw new InvalidOperationException(
                $"Plugin {pluginId} read {kind} without declaring it; add WorkspaceDataKinds.{kind} to its Reads.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql).With("@w", Workspace.Id);
        if (range is { } r)
        {
            command.With("@from", DbTime.Format(r.From)).With("@to", DbTime.Format(r.To));
        }

        foreach (var (name, value) in extra)
        {
            command.With(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return map(reader);
        }
    }
}
