using System.Text;
using System.Text.Json;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Mastodon.Sync;

/// <summary>
/// Where the Mastodon sync stands, stored by the host with each batch:
/// <c>{"v":1,"phase":"Statuses","backfill":true,"page":"https://…?max_id=…","statuses":"1123…","notifications":"349…",
/// "conversations":"https://…?min_id=…","followers":"https://…?min_id=…","refreshed":2}</c>. <c>statuses</c> and <c>notifications</c>
/// are the newest ids seen (the next cycle asks for <c>min_id</c> of them); <c>conversations</c> and <c>followers</c> are the
/// instance's own <c>rel="prev"</c> links (their ids are hidden, so only its links page them). <c>page</c> is the next
/// address within the current phase; <c>backfill</c> says the phase is walking back through history for the first time.
/// Written and read by hand (no serializer metadata cache).
/// </summary>
internal sealed record MastodonCursor(
    SyncPhase Phase, bool Backfill, string? Page, string? StatusesNewest, string? NotificationsNewest, string? ConversationsSince, string? FollowersSince)
{
    private const int FormatVersion = 1;

    public static MastodonCursor Initial { get; } = new(SyncPhase.Account, false, null, null, null, null, null);

    /// <summary>Pages of recent posts read again so far in this cycle (<see cref="SyncPhase.RefreshStatuses"/>).</summary>
    public int RefreshedPages { get; init; }

    /// <summary>This cursor moved on to <paramref name="phase"/>: from its first page, walking back when nothing was seen yet.</summary>
    public MastodonCursor Enter(SyncPhase phase) => this with
    {
        Phase = phase,
        Page = null,
        RefreshedPages = 0,
        Backfill = phase switch
        {
            SyncPhase.Statuses => StatusesNewest is null,
            SyncPhase.Notifications => NotificationsNewest is null,
            SyncPhase.Conversations => ConversationsSince is null,
            SyncPhase.Followers => FollowersSince is null,
            _ => false,
        },
    };

    public string Write()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteString("phase", Phase.ToString());
            writer.WriteBoolean("backfill", Backfill);
            Optional(writer, "page", Page);
            if (RefreshedPages > 0)
            {
                writer.WriteNumber("refreshed", RefreshedPages);
            }

            Optional(writer, "statuses", StatusesNewest);
            Optional(writer, "notifications", NotificationsNewest);
            Optional(writer, "conversations", ConversationsSince);
            Optional(writer, "followers", FollowersSince);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a cursor written by <see cref="Write"/>; anything else is a permanent failure that says how to recover.</summary>
    public static MastodonCursor Read(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(cursor);
            var root = document.RootElement;
            if (root.Long("v") != FormatVersion)
            {
                throw new FormatException($"it has format version {root.Long("v")}, this connector reads version {FormatVersion}");
            }

            if (!Enum.TryParse<SyncPhase>(root.Str("phase"), ignoreCase: false, out var phase) || !Enum.IsDefined(phase))
            {
                throw new FormatException($"it names an unknown phase '{root.Str("phase")}'");
            }

            return new MastodonCursor(phase, root.TryGetProperty("backfill", out var b) && b.ValueKind == JsonValueKind.True,
                root.Str("page"), root.Str("statuses"), root.Str("notifications"), root.Str("conversations"), root.Str("followers"))
            {
                RefreshedPages = (int)Math.Clamp(root.Long("refreshed") ?? 0, 0, 1000),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            var shown = cursor.Length > 80 ? cursor[..80] + "…" : cursor;
            throw new PluginException(
                $"The Mastodon connector cannot read its sync cursor '{shown}' ({e.Message}). Reset the connection's sync state to sync from the start again " +
                "(nothing is duplicated: items are matched on their Mastodon ids).",
                PluginFailureKind.Permanent, innerException: e);
        }
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
