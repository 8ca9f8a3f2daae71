using System.Text.Json;
using Engage.Sdk.Items;

namespace Engage.Plugins.Bluesky.Mapping;

/// <summary>
/// Notifications (<c>app.bsky.notification.listNotifications</c>) as inbound interactions: a reply is a <c>Comment</c> on the
/// account's post it answers (<c>reasonSubject</c>), a mention a <c>Mention</c>, a quote a <c>Quote</c> of the quoted post,
/// likes reactions, reposts shares and follows follows. The reason list is open: every other reason (<c>starterpack-joined</c>,
/// <c>verified</c>, <c>like-via-repost</c>, <c>subscribed-post</c>, and reasons newer than this connector) is ignored.
/// </summary>
internal sealed class NotificationMapper(ItemMapper items)
{
    public (InteractionItem? Interaction, ContactItem? Contact) Map(JsonElement notification)
    {
        var uri = notification.Need("uri", "A notification");
        var reason = notification.Need("reason", $"Notification {uri}");
        var author = notification.Obj("author") ?? throw new FormatException($"Notification {uri} has no 'author'");
        var contact = author.Str("did") == items.Me ? null : items.Contact(author);
        if (contact is null)
        {
            return (null, null);
        }

        var subject = notification.Str("reasonSubject");
        var at = notification.Time("indexedAt", $"Notification {uri}");
        return reason switch
        {
            "reply" => (items.Interaction(notification, InteractionKind.Comment, InteractionDirection.Inbound) with { PostExternalId = subject }, contact),
            "mention" => (items.Interaction(notification, InteractionKind.Mention, InteractionDirection.Inbound), contact),
            "quote" => (items.Interaction(notification, InteractionKind.Quote, InteractionDirection.Inbound) with { PostExternalId = subject }, contact),
            "like" when subject is not null => (Act($"like:{contact.ExternalId}:{subject}", InteractionKind.Reaction, at, contact, subject), contact),
            "repost" when subject is not null => (Act($"repost:{contact.ExternalId}:{subject}", InteractionKind.Share, at, contact, subject), contact),
            "follow" => (new InteractionItem($"follow:{contact.ExternalId}", items.Me, InteractionKind.Follow, InteractionDirection.Inbound, at)
                { ContactExternalId = contact.ExternalId }, contact),
            _ => (null, null),
        };
    }

    private InteractionItem Act(string externalId, InteractionKind kind, DateTimeOffset at, ContactItem contact, string subject) =>
        new(externalId, items.Me, kind, InteractionDirection.Inbound, at) { ContactExternalId = contact.ExternalId, PostExternalId = subject };
}
