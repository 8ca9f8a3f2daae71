using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Ingestion;

/// <summary>Upserts daily account figures on (account, day).</summary>
internal static class DailyStatWriter
{
    public static async Task WriteAsync(IngestionContext context, IReadOnlyList<AccountDailyStatItem> stats, CancellationToken cancellationToken)
    {
        foreach (var stat in stats)
        {
            var (accountId, network) = await AccountWriter.ResolveAsync(context, stat.AccountExternalId, $"Daily figures of {stat.Date:yyyy-MM-dd}", cancellationToken);
            await using var command = context.Command(
                    """
                    INSERT INTO AccountDailyStats (WorkspaceId, ConnectionId, AccountId, Network, Date, Followers, FollowersGained, FollowersLost,
                        Impressions, Reach, ProfileVisits, PageViews, WebsiteClicks)
                    VALUES (@w, @c, @a, @n, @d, @f, @fg, @fl, @imp, @reach, @pv, @pg, @wc)
                    ON CONFLICT (AccountId, Date) DO UPDATE SET
                        Followers = COALESCE(excluded.Followers, Followers), FollowersGained = COALESCE(excluded.FollowersGained, FollowersGained),
                        FollowersLost = COALESCE(excluded.FollowersLost, FollowersLost), Impressions = COALESCE(excluded.Impressions, Impressions),
                        Reach = COALESCE(excluded.Reach, Reach), ProfileVisits = COALESCE(excluded.ProfileVisits, ProfileVisits),
                        PageViews = COALESCE(excluded.PageViews, PageViews), WebsiteClicks = COALESCE(excluded.WebsiteClicks, WebsiteClicks)
                    """)
                .With("@w", context.Scope.WorkspaceId).With("@c", context.Scope.ConnectionId).With("@a", accountId)
                .With("@n", network).With("@d", DbTime.Format(stat.Date)).With("@f", stat.Followers)
                .With("@fg", stat.FollowersGained).With("@fl", stat.FollowersLost).With("@imp", stat.Impressions)
                .With("@reach", stat.Reach).With("@pv", stat.ProfileVisits).With("@pg", stat.PageViews).With("@wc", stat.WebsiteClicks);
            await using var exists = context.Command("SELECT 1 FROM AccountDailyStats WHERE AccountId = @a AND Date = @d")
                .With("@a", accountId).With("@d", DbTime.Format(stat.Date));
            var existed = await exists.ExecuteScalarAsync(cancellationToken) is not null;
            await command.ExecuteNonQueryAsync(cancellationToken);
            context.Touch(stat.Date);
            if (!existed)
            {
                context.New++;
            }
        }
    }
}
