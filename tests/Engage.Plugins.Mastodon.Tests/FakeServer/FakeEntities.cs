using System.Globalization;
using System.Text.Json.Nodes;

namespace Engage.Plugins.Mastodon.Tests.FakeServer;

/// <summary>
/// Mastodon entities shaped as networks.md §1.6–1.9 documents them (full objects, ids as strings, times as
/// <c>YYYY-MM-DDThh:mm:ss.sssZ</c>, <c>last_status_at</c> a date only, nullable fields present as null).
/// </summary>
internal static class FakeEntities
{
    public const string Host = "social.example";

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Account(string id, string username, string? remoteHost = null, string? displayName = null, long followers = 10) => new()
    {
        ["id"] = id,
        ["username"] = username,
        ["acct"] = remoteHost is null ? username : $"{username}@{remoteHost}",
        ["display_name"] = displayName ?? "",
        ["locked"] = false, ["bot"] = false, ["discoverable"] = true, ["group"] = false, ["indexable"] = true,
        ["created_at"] = "2022-11-05T00:00:00.000Z",
        ["note"] = "<p>Seeds, tools, advice.</p>",
        ["url"] = $"https://{remoteHost ?? Host}/@{username}",
        ["uri"] = $"https://{remoteHost ?? Host}/users/{username}",
        ["avatar"] = $"https://files.{Host}/accounts/avatars/{id}.png",
        ["avatar_static"] = $"https://files.{Host}/accounts/avatars/{id}.png",
        ["header"] = $"https://{Host}/headers/original/missing.png",
        ["header_static"] = $"https://{Host}/headers/original/missing.png",
        ["followers_count"] = followers, ["following_count"] = 120, ["statuses_count"] = 512,
        ["last_status_at"] = "2024-05-01",
        ["emojis"] = new JsonArray(), ["fields"] = new JsonArray(), ["roles"] = new JsonArray(),
    };

    public static JsonObject Status(
        string id, JsonObject account, DateTimeOffset at, string html, string visibility = "public",
        string? inReplyToId = null, string? inReplyToAccountId = null, string? language = "en", bool withQuotesCount = true,
        JsonArray? mentions = null)
    {
        var status = new JsonObject
        {
            ["id"] = id,
            ["created_at"] = Time(at),
            ["in_reply_to_id"] = inReplyToId,
            ["in_reply_to_account_id"] = inReplyToAccountId,
            ["sensitive"] = false,
            ["spoiler_text"] = "",
            ["visibility"] = visibility,
            ["language"] = language,
            ["uri"] = $"https://{Host}/users/{account["username"]}/statuses/{id}",
            ["url"] = $"https://{Host}/@{account["username"]}/{id}",
            ["replies_count"] = 0,
            ["reblogs_count"] = 0,
            ["favourites_count"] = 0,
            ["edited_at"] = null,
            ["favourited"] = false, ["reblogged"] = false, ["muted"] = false, ["bookmarked"] = false, ["pinned"] = false,
            ["content"] = html,
            ["filtered"] = new JsonArray(),
            ["reblog"] = null,
            ["application"] = new JsonObject { ["name"] = "Web", ["website"] = null },
            ["account"] = account.DeepClone(),
            ["media_attachments"] = new JsonArray(),
            ["mentions"] = mentions ?? [],
            ["tags"] = new JsonArray(),
            ["emojis"] = new JsonArray(),
            ["card"] = null,
            ["poll"] = null,
            ["quote"] = null,
        };
        if (withQuotesCount)
        {
            status["quotes_count"] = 0;
        }

        return status;
    }

    public static JsonArray Mention(JsonObject account) =>
    [
        new JsonObject { ["id"] = account["id"]!.GetValue<string>(), ["username"] = account["username"]!.GetValue<string>(),
            ["url"] = account["url"]!.GetValue<string>(), ["acct"] = account["acct"]!.GetValue<string>() },
    ];

    public static JsonObject Notification(string id, string type, DateTimeOffset at, JsonObject account, JsonObject? status = null)
    {
        var notification = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["group_key"] = $"ungrouped-{id}",
            ["created_at"] = Time(at),
            ["account"] = account.DeepClone(),
        };
        if (status is not null)
        {
            notification["status"] = status.DeepClone();
        }

        return notification;
    }
}
