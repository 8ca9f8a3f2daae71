namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// Followers of an account on a day, in closed form (a steady trend plus a little noise), so that any day
/// can be computed alone and consecutive days always agree.
/// </summary>
internal static class FollowerCurve
{
    public static long Followers(int seed, DemoAccount account, DateOnly day)
    {
        var t = day.DayNumber - DemoTime.Epoch.DayNumber;
        var jitter = DemoRandom.For(seed, account.Index, day.DayNumber, (long)PlanStream.FollowerJitter).Next(-4, 5);
        return account.BaseFollowers + (long)Math.Round(account.FollowersPerDay * t) + jitter;
    }

    /// <summary>Posts published so far, roughly: enough for a believable profile figure.</summary>
    public static long PostsCount(DemoAccount account, DateOnly day) =>
        account.BasePostsCount + (long)Math.Round(account.PostsPerDay * 0.9 * (day.DayNumber - DemoTime.Epoch.DayNumber));
}
