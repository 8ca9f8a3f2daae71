using Engage.Plugins.Demo.Generation;
using Engage.Plugins.Demo.Settings;
using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Sync;

/// <summary>
/// Builds the batch of one time window (start, end]: the interactions and daily figures whose moment lies
/// in it, the posts of the 7 days before <c>end</c> with their figures as of <c>end</c>, every account, and
/// the contacts the interactions name.
/// </summary>
internal sealed class BatchBuilder(DemoSettings settings)
{
    /// <summary>Posts this young are sent again with every batch, so that their figures keep growing.</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromDays(7);

    private readonly DayGenerator _generator = new(settings);

    public SyncBatch Build(DateOnly anchor, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var posts = new List<PostItem>();
        var interactions = new List<InteractionItem>();
        var stats = new List<AccountDailyStatItem>();
        var contacts = new SortedDictionary<string, ContactItem>(StringComparer.Ordinal);
        var refreshFrom = end - RefreshWindow;
        var firstDay = DemoTime.Max(anchor, DemoTime.Day(start).AddDays(-DayPlan.MaxSpreadDays));
        for (var day = firstDay; day <= DemoTime.Day(end); day = day.AddDays(1))
        {
            foreach (var account in DemoAccounts.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var plan = _generator.Plan(account, day);
                posts.AddRange(plan.Posts
                    .Where(p => p.PublishedAt > refreshFrom && p.PublishedAt <= end)
                    .Select(p => PostFigures.At(p, account, end)));
                foreach (var planned in plan.Interactions.Where(i => i.Item.CreatedAt > start && i.Item.CreatedAt <= end))
                {
                    interactions.Add(planned.Item);
                    contacts.TryAdd(planned.Contact.ExternalId, planned.Contact.ToItem());
                }

                if (plan.Stats is { } dayStats && plan.StatsAt > start && plan.StatsAt <= end)
                {
                    stats.Add(dayStats);
                }
            }
        }

        var today = DemoTime.Day(end);
        return new SyncBatch
        {
            Accounts = DemoAccounts.All
                .Select(a => a.ToItem(FollowerCurve.Followers(settings.Seed, a, today), FollowerCurve.PostsCount(a, today)))
                .ToList(),
            Contacts = contacts.Values.ToList(),
            Posts = posts.OrderBy(p => p.PublishedAt).ThenBy(p => p.ExternalId, StringComparer.Ordinal).ToList(),
            Interactions = interactions.OrderBy(i => i.CreatedAt).ThenBy(i => i.ExternalId, StringComparer.Ordinal).ToList(),
            AccountDailyStats = stats.OrderBy(s => s.Date).ThenBy(s => s.AccountExternalId, StringComparer.Ordinal).ToList(),
        };
    }
}
