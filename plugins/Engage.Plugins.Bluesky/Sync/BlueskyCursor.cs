using System.Text;
using System.Text.Json;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Bluesky.Sync;

/// <summary>
/// Where the Bluesky sync stands, stored by the host with each batch:
/// <c>{"v":1,"phase":"Feed","page":"1714554000000__bafy…","stop":"2024-05-01T09:14:23.1020000+00:00","feed":"…","notifications":"…","followers":"did:plc:…"}</c>.
/// <c>page</c> is the service's opaque cursor for the next page of the current phase (never parsed); <c>stop</c> is the
/// high-water mark of the previous cycle for the current phase (null: read to the end); <c>pages</c> counts the phase's pages
/// read so far; <c>feed</c> and <c>notifications</c>
/// are the newest <c>indexedAt</c> seen, <c>followers</c> the newest follower's DID. Written and read by hand.
/// </summary>
internal sealed record BlueskyCursor(SyncPhase Phase, string? Page, string? Stop, string? FeedNewest, string? NotificationsNewest, string? FollowersNewest)
{
    private const int FormatVersion = 1;

    public static BlueskyCursor Initial { get; } = new(SyncPhase.Account, null, null, null, null, null);

    /// <summary>Pages read so far in the current phase (bounds how many pages of recent posts are read again).</summary>
    public int Pages { get; init; }

    /// <summary>This cursor moved on to <paramref name="phase"/>: its first page, stopping at what the previous cycle saw.</summary>
    public BlueskyCursor Enter(SyncPhase phase) => this with
    {
        Phase = phase,
        Page = null,
        Pages = 0,
        Stop = phase switch
        {
            SyncPhase.Feed => FeedNewest,
            SyncPhase.Notifications => NotificationsNewest,
            SyncPhase.Followers => FollowersNewest,
            _ => null,
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
            Optional(writer, "page", Page);
            Optional(writer, "stop", Stop);
            if (Pages > 0)
            {
                writer.WriteNumber("pages", Pages);
            }

            Optional(writer, "feed", FeedNewest);
            Optional(writer, "notifications", NotificationsNewest);
            Optional(writer, "followers", FollowersNewest);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a cursor written by <see cref="Write"/>; anything else is a permanent failure that says how to recover.</summary>
    public static BlueskyCursor Read(string cursor)
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

            return new BlueskyCursor(phase, root.Str("page"), root.Str("stop"), root.Str("feed"), root.Str("notifications"), root.Str("followers"))
            {
                Pages = (int)Math.Clamp(root.Long("pages") ?? 0, 0, 100_000),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            var shown = cursor.Length > 80 ? cursor[..80] + "…" : cursor;
            throw new PluginException(
                $"The Bluesky connector cannot read its sync cursor '{shown}' ({e.Message}). Reset the connection's sync state to sync from the start again " +
                "(nothing is duplicated: items are matched on their AT URIs and DIDs).",
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
