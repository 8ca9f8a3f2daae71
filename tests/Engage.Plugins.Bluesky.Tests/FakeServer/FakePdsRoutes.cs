using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Bluesky.Tests.FakeServer;

/// <summary>The fake's XRPC methods (networks.md §2.3–§2.5), limit 1..100 (default 50), at most <see cref="PageCap"/> items a page.</summary>
internal sealed partial class FakePds
{
    /// <summary>When set, the feed's cursors look like ISO times (as seen in production) instead of <c>"&lt;ms&gt;__&lt;cid&gt;"</c>.</summary>
    public bool IsoFeedCursors { get; set; }

    /// <summary>When set, the next createRecord stores its record and then drops the connection without answering.</summary>
    public bool DropNextCreateAnswer { get; set; }

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/xrpc/com.atproto.server.createSession", CreateSessionAsync);
        app.MapPost("/xrpc/com.atproto.server.refreshSession", RefreshSessionAsync);
        Query(app, "app.bsky.actor.getProfile", http => Mine(http, "actor") ? WriteJsonAsync(http, Locked(() => Data.Profile.DeepClone())) : ProfileNotFound(http));
        Query(app, "app.bsky.feed.getAuthorFeed", http => !Mine(http, "actor") ? ProfileNotFound(http)
            : PageAsync(http, "feed", Locked(() => Data.Feed.ToList()), FeedKey));
        Query(app, "app.bsky.notification.listNotifications", http =>
            PageAsync(http, "notifications", Locked(() => Data.Notifications.ToList()), n => n["indexedAt"]!.GetValue<string>()));
        Query(app, "app.bsky.graph.getFollowers", http => !Mine(http, "actor") ? ProfileNotFound(http)
            : PageAsync(http, "followers", Locked(() => Data.Followers.ToList()), f => Convert.ToBase64String(Encoding.UTF8.GetBytes(f["did"]!.GetValue<string>())),
                page => page["subject"] = Data.Profile.DeepClone()));
        Query(app, "app.bsky.feed.getPosts", http =>
        {
            var uris = http.Request.Query["uris"].ToHashSet(StringComparer.Ordinal);
            var posts = Locked(() => AllPostViews().Where(p => uris.Contains(p["uri"]!.GetValue<string>())).Select(p => p.DeepClone()).ToArray());
            return WriteJsonAsync(http, new JsonObject { ["posts"] = new JsonArray(posts) });
        });
        Query(app, "com.atproto.identity.resolveHandle", http => http.Request.Query["handle"].ToString() switch
        {
            FakePdsData.PartnerHandle => WriteJsonAsync(http, new JsonObject { ["did"] = FakePdsData.PartnerDid }),
            FakePdsData.MeHandle => WriteJsonAsync(http, new JsonObject { ["did"] = FakePdsData.MeDid }),
            _ => ErrorAsync(http, 400, "InvalidRequest", "Unable to resolve handle"),
        });
        Query(app, "com.atproto.repo.getRecord", http => Locked(() => Data.Created.GetValueOrDefault(http.Request.Query["rkey"].ToString())) is { } record
            ? WriteJsonAsync(http, new JsonObject { ["uri"] = record["uri"]!.DeepClone(), ["cid"] = record["cid"]!.DeepClone(), ["value"] = record["value"]!.DeepClone() })
            : ErrorAsync(http, 400, "RecordNotFound", "Could not locate record"));
        app.MapPost("/xrpc/com.atproto.repo.createRecord", async http =>
        {
            if (await AuthorizedAsync(http))
            {
                await CreateRecordAsync(http);
            }
        });
    }

    private void Query(WebApplication app, string nsid, Func<HttpContext, Task> answer) =>
        app.MapGet("/xrpc/" + nsid, async http =>
        {
            if (await AuthorizedAsync(http))
            {
                await answer(http);
            }
        });

    private async Task PageAsync(HttpContext http, string name, List<JsonObject> items, Func<JsonObject, string> key, Action<JsonObject>? decorate = null)
    {
        var limitText = http.Request.Query["limit"].FirstOrDefault();
        var limit = 50;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            await ErrorAsync(http, 400, "InvalidRequest", "limit must be an integer between 1 and 100");
            return;
        }

        var cursor = http.Request.Query["cursor"].FirstOrDefault();
        var start = 0;
        if (cursor is not null)
        {
            start = items.FindIndex(i => key(i) == cursor) + 1;
            if (start == 0)
            {
                await ErrorAsync(http, 400, "InvalidRequest", "Malformed cursor");
                return;
            }
        }

        var page = items.Skip(start).Take(Math.Min(limit, PageCap)).ToList();
        var answer = new JsonObject { [name] = new JsonArray(page.Select(p => p.DeepClone()).ToArray()) };
        if (start + page.Count < items.Count && page.Count > 0)
        {
            answer["cursor"] = key(page[^1]);
        }

        decorate?.Invoke(answer);
        await WriteJsonAsync(http, answer);
    }

    private string FeedKey(JsonObject entry)
    {
        var at = (entry["reason"]?["indexedAt"] ?? entry["post"]!["indexedAt"])!.GetValue<string>();
        var time = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
        return IsoFeedCursors ? at : $"{time.ToUnixTimeMilliseconds()}__{entry["post"]!["cid"]!.GetValue<string>()}";
    }

    private IEnumerable<JsonObject> AllPostViews() =>
        Data.Feed.Select(e => e["post"]!.AsObject())
            .Concat(Data.Feed.Where(e => e["reply"] is not null).Select(e => e["reply"]!["parent"]!.AsObject()))
            .Concat(Data.Created.Values.Select(c => new JsonObject
            {
                ["uri"] = c["uri"]!.DeepClone(), ["cid"] = c["cid"]!.DeepClone(), ["record"] = c["value"]!.DeepClone(),
                ["author"] = new JsonObject { ["did"] = FakePdsData.MeDid, ["handle"] = FakePdsData.MeHandle }, ["indexedAt"] = FakePdsData.Iso(DateTimeOffset.UtcNow),
            }));

    private static bool Mine(HttpContext http, string name) =>
        http.Request.Query[name].ToString() is FakePdsData.MeDid or FakePdsData.MeHandle;

    private static Task ProfileNotFound(HttpContext http) => ErrorAsync(http, 400, "InvalidRequest", "Profile not found");
}
