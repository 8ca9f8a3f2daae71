using System.Text.Json;
using Engage.Sdk.Items;

namespace Engage.Plugins.Mastodon.Mapping;

/// <summary>
/// Notifications as interactions. A mention that replies to the account is a <c>Comment</c> on the post it answers, a
/// direct one a <c>Message</c> (its conversation comes with the conversations), any other a <c>Mention</c>; favourites are
/// reactions, boosts shares, follows follows, quotes quotes (all inbound). A poll that ended refreshes the account's own
/// post. Every other type (<c>status</c>, <c>update</c>, <c>follow_request</c>, <c>admin.*</c>, <c>quoted_update</c>, and
/// types newer than this connector) is ignored.
/// </summary>
internal sealed class NotificationMapper(ItemMapper items)
{
    public MappedNotification Map(JsonElement notification)
    {
        var id = notification.Need("id", "A notification");
        var type = notification.Str("type");
        var account = notification.Obj("account");
        var status = notification.Obj("status");
        var contact = account is { } a && a.Str("id") != items.Me ? items.Contact(a) : null;
        var at = notification.Time("created_at", $"Notification {id}");
        switch (type)
        {
            case "mention" when status is { } s && contact is not null:
                var kind = s.Str("visibility") == "direct" ? InteractionKind.Message
                    : s.Str("in_reply_to_account_id") == items.Me ? InteractionKind.Comment
                    : InteractionKind.Mention;
                var mention = items.Interaction(s, kind, InteractionDirection.Inbound);
                return new(mention with { PostExternalId = kind == InteractionKind.Comment ? s.Str("in_reply_to_id") : null }, contact, null);
            case "quote" when status is { } s && contact is not null:
                var quoted = s.Obj("quote")?.Obj("quoted_status")?.Str("id") ?? s.Obj("quote")?.Str("id");
                return new(items.Interaction(s, InteractionKind.Quote, InteractionDirection.Inbound) with { PostExternalId = quoted }, contact, null);
            case "favourite" when status is { } s && contact is not null:
                return new(Act($"favourite:{contact.ExternalId}:{s.Need("id", "A status")}", InteractionKind.Reaction, at, contact, s), contact, null);
            case "reblog" when status is { } s && contact is not null:
                return new(Act($"reblog:{contact.ExternalId}:{s.Need("id", "A status")}", InteractionKind.Share, at, contact, s), contact, null);
            case "follow" when contact is not null:
                return new(new InteractionItem($"follow:{contact.ExternalId}", items.Me, InteractionKind.Follow, InteractionDirection.Inbound, at)
                    { ContactExternalId = contact.ExternalId }, contact, null);
            case "poll" when status is { } s:
                return new(null, null, items.Post(s));
            default:
                return MappedNotification.Ignored;
        }
    }

    private InteractionItem Act(string externalId, InteractionKind kind, DateTimeOffset at, ContactItem contact, JsonElement status) =>
        new(externalId, items.Me, kind, InteractionDirection.Inbound, at)
        {
            ContactExternalId = contact.ExternalId,
            PostExternalId = status.Str("id"),
        };
}
