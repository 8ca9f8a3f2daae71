using System.Globalization;
using System.Text.Json;
using Engage.Plugins.Bluesky.Api;
using Engage.Plugins.Bluesky.Mapping;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Plugins.Bluesky.Sync;

/// <summary>
/// One page per pull, phase after phase (<see cref="SyncPhase"/>): the host commits each batch with the cursor that follows
/// it, so a sync that fails halfway keeps what it committed and the next run asks for the same page again. Each stream is
/// read newest first with the service's opaque cursor: to its end the first time, later only until a page reaches what
/// the previous cycle saw. The feed goes on past that mark while its posts are younger than <see cref="RefreshWindow"/>
/// (at most <see cref="MaxRefreshPages"/> pages), so that recent posts' counts keep growing.
/// </summary>
/// <param name="refreshFrom">Posts reposted or indexed after this moment are read again each cycle.</param>
internal sealed class BlueskyPuller(BlueskyApi api, ItemMapper items, AccountItem account, AccountDailyStatItem followersToday, DateTimeOffset refreshFrom)
{
    public const int PageSize = 100;

    /// <summary>Posts this young have their counts read again every cycle: most engagement comes in the first days.</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromDays(7);

    /// <summary>The most feed pages read per later cycle while refreshing recent posts (500 posts).</summary>
    public const int MaxRefreshPages = 5;

    private readonly NotificationMapper _notifications = new(items);

    public async Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = cursor is null ? BlueskyCursor.Initial : BlueskyCursor.Read(cursor);
        var parts = new SyncBatchBuilder(account);
        try
        {
            var (next, more) = await StepAsync(state, parts, cancellationToken).ConfigureAwait(false);
            return parts.Build(next.Write(), more);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new PluginException(
                $"Bluesky ({api.Service.Authority}) sent a {state.Phase.ToString().ToLowerInvariant()} page that does not have the shape the AT Protocol lexicon describes " +
                $"({e.Message}). Nothing of that page was stored; the connection retries later from the same place.",
                PluginFailureKind.Transient, innerException: e);
        }
    }

    private async Task<(BlueskyCursor Next, bool More)> StepAsync(BlueskyCursor state, SyncBatchBuilder parts, CancellationToken cancellationToken)
    {
        switch (state.Phase)
        {
            case SyncPhase.Account:
                parts.Add(followersToday);
                return (state.Enter(SyncPhase.Feed), true);
            case SyncPhase.Feed:
            {
                var page = await PageAsync("app.bsky.feed.getAuthorFeed", state.Page, cancellationToken, ("filter", "posts_with_replies"), ("includePins", "false"));
                var feed = page.NeedArray("feed", "The author feed");
                var times = feed.Select(SortTime).ToList();
                foreach (var entry in feed)
                {
                    AddEntry(parts, entry);
                }

                var updated = state with { FeedNewest = Latest(state.FeedNewest, times), Pages = state.Pages + 1 };
                var recent = times.Count > 0 && times.Min() > refreshFrom && updated.Pages < MaxRefreshPages;
                return (Continue(updated, page, times, SyncPhase.Notifications, keepGoing: recent), true);
            }

            case SyncPhase.Notifications:
            {
                var page = await PageAsync("app.bsky.notification.listNotifications", state.Page, cancellationToken);
                var list = page.NeedArray("notifications", "The notifications");
                var times = list.Select(n => n.Time("indexedAt", "A notification")).ToList();
                foreach (var notification in list)
                {
                    var (interaction, contact) = _notifications.Map(notification);
                    parts.Add(contact);
                    parts.Add(interaction);
                }

                var updated = state with { NotificationsNewest = Latest(state.NotificationsNewest, times) };
                return (Continue(updated, page, times, SyncPhase.Followers), true);
            }

            default:
            {
                var page = await PageAsync("app.bsky.graph.getFollowers", state.Page, cancellationToken);
                var followers = page.NeedArray("followers", "The followers");
                var dids = followers.Select(f => f.Need("did", "A follower")).ToList();
                foreach (var follower in followers)
                {
                    parts.Add(items.Contact(follower));
                }

                var updated = state.Page is null && dids.Count > 0 ? state with { FollowersNewest = dids[0] } : state;
                var reached = state.Stop is not null && dids.Contains(state.Stop, StringComparer.Ordinal);
                return reached || dids.Count == 0 || page.Str("cursor") is not { Length: > 0 } next
                    ? (updated.Enter(SyncPhase.Account), false)
                    : (updated with { Page = next }, true);
            }
        }
    }

    /// <summary>The next page of this phase, or the next phase when the stream ended or reached the previous cycle's mark.</summary>
    private static BlueskyCursor Continue(BlueskyCursor state, JsonElement page, IReadOnlyList<DateTimeOffset> times, SyncPhase after, bool keepGoing = false)
    {
        var reached = !keepGoing && state.Stop is not null && Json.TryTime(state.Stop, out var stop) && times.Any(t => t <= stop);
        return reached || times.Count == 0 || page.Str("cursor") is not { Length: > 0 } next
            ? state.Enter(after)
            : state with { Page = next };
    }

    private Task<JsonElement> PageAsync(string nsid, string? cursor, CancellationToken cancellationToken, params (string Name, string Value)[] extra)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (nsid != "app.bsky.notification.listNotifications")
        {
            parameters.Add(new("actor", items.Me));
        }

        parameters.Add(new("limit", PageSize.ToString(CultureInfo.InvariantCulture)));
        parameters.AddRange(extra.Select(e => new KeyValuePair<string, string?>(e.Name, e.Value)));
        parameters.Add(new("cursor", cursor));
        return api.QueryAsync(nsid, parameters, cancellationToken);
    }

    private void AddEntry(SyncBatchBuilder parts, JsonElement entry)
    {
        parts.Add(items.Post(entry));
        foreach (var mentioned in items.Mentioned(entry))
        {
            parts.Add(mentioned);
        }

        if (items.OutboundReply(entry) is { } reply)
        {
            parts.Add(reply.Reply);
            parts.Add(reply.To); // after the mentions: the reply's author comes with a display name
        }
    }

    /// <summary>Where an entry sits in the feed: a repost by when it was reposted, a post by when it was indexed.</summary>
    private static DateTimeOffset SortTime(JsonElement entry) =>
        entry.Obj("reason") is { } reason && reason.Str("indexedAt") is not null
            ? reason.Time("indexedAt", "A repost")
            : (entry.Obj("post") ?? throw new FormatException("A feed entry has no 'post'")).Time("indexedAt", "A post");

    private static string? Latest(string? stored, IReadOnlyList<DateTimeOffset> times)
    {
        var newest = times.Count == 0 ? (DateTimeOffset?)null : times.Max();
        if (Json.TryTime(stored, out var previous) && (newest is null || previous >= newest))
        {
            return stored;
        }

        return newest?.ToString("O", CultureInfo.InvariantCulture) ?? stored;
    }
}
