using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// The figures a network reports for an account and a day. Mastodon and Bluesky report no impressions,
/// reach, profile visits or clicks (null); Instagram reports all but page views (a Facebook figure).
/// </summary>
internal static class DailyStatsPlanner
{
    public static AccountDailyStatItem Plan(PlanContext context)
    {
        var random = context.Random(PlanStream.Stats);
        var seed = context.Settings.Seed;
        var account = context.Account;
        var followers = FollowerCurve.Followers(seed, account, context.Day);
        var change = followers - FollowerCurve.Followers(seed, account, context.Day.AddDays(-1));
        var lost = (long)random.Next(0, (int)(account.FollowersPerDay / 2) + 3);
        var gained = change + lost;
        if (gained < 0)
        {
            lost -= gained;
            gained = 0;
        }

        var stats = new AccountDailyStatItem(account.ExternalId, context.Day)
        {
            Followers = followers,
            FollowersGained = gained,
            FollowersLost = lost,
        };
        if (!account.ReportsInsights)
        {
            return stats;
        }

        var impressions = (long)(followers * (0.25 + (random.NextDouble() * 0.35)) * (context.IsWeekend ? 0.8 : 1.0));
        var visits = (long)(impressions * (0.01 + (random.NextDouble() * 0.02)));
        return stats with
        {
            Impressions = impressions,
            Reach = (long)(impressions * (0.5 + (random.NextDouble() * 0.2))),
            ProfileVisits = visits,
            WebsiteClicks = (long)(visits * (0.05 + (random.NextDouble() * 0.1))),
        };
    }
}
