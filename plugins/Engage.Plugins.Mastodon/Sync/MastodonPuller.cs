using System.Text.Json;
using Engage.Plugins.Mastodon.Api;
using Engage.Plugins.Mastodon.Mapping;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Plugins.Mastodon.Sync;

/// <summary>
/// One page per pull, phase after phase (<see cref="SyncPhase"/>): the host commits each batch with the cursor that
/// follows it, so a sync that fails halfway keeps what it committed and the next run asks for the same page again.
/// A whole cycle ends with <see cref="SyncBatch.HasMore"/> false and a cursor that starts the next cycle incrementally.
/// </summary>
/// <param name="refreshFrom">Posts published after this moment are read again each cycle (at most <see cref="MaxRefreshPages"/> pages).</param>
internal sealed class MastodonPuller(MastodonApi api, ItemMapper items, AccountItem account, AccountDailyStatItem followersToday, DateTimeOffset refreshFrom)
{
    /// <summary>Posts this young have their counts read again every cycle: most engagement comes in the first days.</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromDays(7);

    /// <summary>The most pages of recent posts read again per cycle (200 posts).</summary>
    public const int MaxRefreshPages = 5;

    public const int StatusesPageSize = 40;
    public const int NotificationsPageSize = 80;
    public const int ConversationsPageSize = 40;
    public const int FollowersPageSize = 80;

    private readonly NotificationMapper _notifications = new(items);
    private readonly ConversationReader _conversations = new(api, items);

    private string StatusesPath => $"/api/v1/accounts/{Uri.EscapeDataString(items.Me)}/statuses?limit={StatusesPageSize}";

    private string FollowersPath => $"/api/v1/accounts/{Uri.EscapeDataString(items.Me)}/followers?limit={FollowersPageSize}";

    public async Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = cursor is null ? MastodonCursor.Initial : MastodonCursor.Read(cursor);
        var parts = new SyncBatchBuilder(account);
        try
        {
            var (next, more) = await StepAsync(state, parts, cancellationToken).ConfigureAwait(false);
            return parts.Build(next.Write(), more);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new PluginException(
                $"The Mastodon instance {api.Instance.Authority} sent {state.Phase.ToString().ToLowerInvariant()} that do not have the shape Mastodon documents " +
                $"({e.Message}). Nothing of that page was stored; the connection retries later from the same place.",
                PluginFailureKind.Transient, innerException: e);
        }
    }

    private async Task<(MastodonCursor Next, bool More)> StepAsync(MastodonCursor state, SyncBatchBuilder parts, CancellationToken cancellationToken)
    {
        switch (state.Phase)
        {
            case SyncPhase.Account:
                parts.Add(followersToday);
                return (state.Enter(state.StatusesNewest is null ? SyncPhase.Statuses : SyncPhase.RefreshStatuses), true);
            case SyncPhase.RefreshStatuses:
            {
                var answer = await Get(state.Page ?? StatusesPath, cancellationToken).ConfigureAwait(false);
                var list = answer.Items;
                AddStatuses(parts, list);
                var pages = state.RefreshedPages + 1;
                var young = list.Count > 0 && list.Min(s => s.Time("created_at", "A status")) > refreshFrom;
                return young && pages < MaxRefreshPages && answer.Links.Next is { } older
                    ? (state with { Page = older.ToString(), RefreshedPages = pages }, true)
                    : (state.Enter(SyncPhase.Statuses), true);
            }

            case SyncPhase.Statuses:
            {
                var (newest, next) = await ByIdAsync(state.Backfill, state.Page, StatusesPath, state.StatusesNewest, page => AddStatuses(parts, page), cancellationToken);
                var updated = state with { StatusesNewest = newest };
                return (next is null ? updated.Enter(SyncPhase.Notifications) : updated with { Page = next }, true);
            }

            case SyncPhase.Notifications:
            {
                var (newest, next) = await ByIdAsync(state.Backfill, state.Page, $"/api/v1/notifications?limit={NotificationsPageSize}", state.NotificationsNewest,
                    page => AddNotifications(parts, page), cancellationToken);
                var updated = state with { NotificationsNewest = newest };
                return (next is null ? updated.Enter(SyncPhase.Conversations) : updated with { Page = next }, true);
            }

            case SyncPhase.Conversations:
            {
                var (since, next) = await ByLinkAsync(state.Backfill, state.Page, $"/api/v1/conversations?limit={ConversationsPageSize}", state.ConversationsSince,
                    page => _conversations.AddAsync(parts, page, cancellationToken), cancellationToken);
                var updated = state with { ConversationsSince = since };
                return (next is null ? updated.Enter(SyncPhase.Followers) : updated with { Page = next }, true);
            }

            default:
            {
                var (since, next) = await ByLinkAsync(state.Backfill, state.Page, FollowersPath, state.FollowersSince,
                    page => AddFollowers(parts, page), cancellationToken);
                var updated = state with { FollowersSince = since };
                return next is null ? (updated.Enter(SyncPhase.Account), false) : (updated with { Page = next }, true);
            }
        }
    }

    /// <summary>
    /// A stream paged by its ids: walking back through <c>rel="next"</c> the first time, then forward with
    /// <c>min_id</c> = the newest id seen. Returns the newest id and the next page's address (null when the phase is done).
    /// </summary>
    private async Task<(string? Newest, string? Next)> ByIdAsync(
        bool backfill, string? page, string path, string? newest, Action<IReadOnlyList<JsonElement>> add, CancellationToken cancellationToken)
    {
        var address = backfill ? page ?? path : $"{path}&min_id={Uri.EscapeDataString(newest!)}";
        var answer = await Get(address, cancellationToken).ConfigureAwait(false);
        var list = answer.Items;
        add(list);
        foreach (var item in list)
        {
            newest = StatusIds.Max(newest, item.Need("id", "An item"));
        }

        return (newest, list.Count == 0 ? null : backfill ? answer.Links.Next?.ToString() : address);
    }

    /// <summary>
    /// A stream whose ids are hidden, paged only by the instance's links: back through <c>rel="next"</c> the first time,
    /// remembering the first page's <c>rel="prev"</c>; later cycles follow <c>rel="prev"</c> forward until an empty page.
    /// </summary>
    private async Task<(string? Since, string? Next)> ByLinkAsync(
        bool backfill, string? page, string path, string? since, Func<IReadOnlyList<JsonElement>, Task> add, CancellationToken cancellationToken)
    {
        var answer = await Get(backfill ? page ?? path : page ?? since!, cancellationToken).ConfigureAwait(false);
        var list = answer.Items;
        await add(list).ConfigureAwait(false);
        if (backfill)
        {
            var first = page is null ? answer.Links.Prev?.ToString() ?? since : since;
            return (first, list.Count == 0 ? null : answer.Links.Next?.ToString());
        }

        return list.Count == 0 || answer.Links.Prev is null ? (since, null) : (answer.Links.Prev.ToString(), answer.Links.Prev.ToString());
    }

    private Task<ApiPage> Get(string address, CancellationToken cancellationToken) =>
        address.StartsWith('/') ? api.GetAsync(address, cancellationToken) : api.GetAsync(new Uri(address), cancellationToken);

    private void AddStatuses(SyncBatchBuilder parts, IReadOnlyList<JsonElement> statuses)
    {
        foreach (var status in statuses)
        {
            parts.Add(items.Post(status));
            if (items.OutboundReply(status) is { } reply)
            {
                parts.Add(reply);
                parts.Add(items.RepliedContact(status));
            }
        }
    }

    private void AddNotifications(SyncBatchBuilder parts, IReadOnlyList<JsonElement> notifications)
    {
        foreach (var notification in notifications)
        {
            var mapped = _notifications.Map(notification);
            parts.Add(mapped.Contact);
            parts.Add(mapped.Interaction);
            parts.Add(mapped.Post);
        }
    }

    private Task AddFollowers(SyncBatchBuilder parts, IReadOnlyList<JsonElement> followers)
    {
        foreach (var follower in followers)
        {
            parts.Add(items.Contact(follower));
        }

        return Task.CompletedTask;
    }
}
