using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Mastodon.Tests.FakeServer;

/// <summary>The fake instance's endpoints (networks.md §1.2 and §1.10), with the endpoints' default and maximum limits.</summary>
internal sealed partial class FakeMastodonServer
{
    /// <summary>When set, the next POST creates its status and then drops the connection without answering.</summary>
    public bool DropNextPostAnswer { get; set; }

    protected override void MapRoutes(WebApplication app)
    {
        app.MapGet("/api/v1/accounts/verify_credentials", (HttpContext http) =>
        {
            var me = Data.Me.DeepClone().AsObject();
            me["source"] = new JsonObject { ["privacy"] = "public", ["sensitive"] = false, ["language"] = "en", ["note"] = "", ["fields"] = new JsonArray(), ["follow_requests_count"] = 0 };
            return WriteJsonAsync(http, me);
        });
        app.MapGet("/api/v1/accounts/{id}/statuses", (HttpContext http, string id) => id != FakeMastodonData.MeId
            ? NotFound(http)
            : WriteJsonAsync(http, Array(Locked(() => FakePaging.Page(http, BaseUri, Data.OwnStatuses.Select(s => (Id(s), s)), 20, 40)))));
        app.MapGet("/api/v1/notifications", (HttpContext http) =>
            WriteJsonAsync(http, Array(Locked(() => FakePaging.Page(http, BaseUri, Data.Notifications.Select(n => (Id(n), n)), 40, 80)))));
        app.MapGet("/api/v1/conversations", (HttpContext http) =>
            WriteJsonAsync(http, Array(Locked(() => FakePaging.Page(http, BaseUri, Data.Conversations.Select(c => (c.PagingKey, c.ToJson())), 20, 40)))));
        app.MapGet("/api/v1/accounts/{id}/followers", (HttpContext http, string id) => id != FakeMastodonData.MeId
            ? NotFound(http)
            : WriteJsonAsync(http, Array(Locked(() => FakePaging.Page(http, BaseUri, Data.Followers.Select(f => (f.FollowId, f.Account)), 40, 80)))));
        app.MapGet("/api/v1/statuses/{id}/context", (HttpContext http, string id) =>
        {
            var thread = Locked(() => Data.Deleted.Contains(id) ? null : Data.Conversations.FirstOrDefault(c => c.Thread.Any(s => Id(s) == id))?.Thread);
            if (thread is null)
            {
                return NotFound(http);
            }

            var at = thread.FindIndex(s => Id(s) == id);
            return WriteJsonAsync(http, new JsonObject
            {
                ["ancestors"] = Array(thread.Take(at).ToList()),
                ["descendants"] = Array(thread.Skip(at + 1).ToList()),
            });
        });
        app.MapGet("/api/v1/statuses/{id}", (HttpContext http, string id) =>
            Locked(() => AllStatuses().FirstOrDefault(s => Id(s) == id)) is { } status ? WriteJsonAsync(http, status) : NotFound(http));
        app.MapPost("/api/v1/statuses", PostStatusAsync);
    }

    private async Task PostStatusAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var text = form["status"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text))
        {
            http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await WriteJsonAsync(http, new JsonObject { ["error"] = "Validation failed: Text can't be blank" });
            return;
        }

        JsonObject created;
        lock (Gate)
        {
            var now = DateTimeOffset.UtcNow;
            if (key is not null && _idempotency.TryGetValue(key, out var earlier) && now - earlier.At < TimeSpan.FromHours(1))
            {
                created = earlier.Status;
            }
            else
            {
                var inReplyTo = form["in_reply_to_id"].FirstOrDefault();
                var repliedAccount = inReplyTo is null ? null : AllStatuses().FirstOrDefault(s => Id(s) == inReplyTo)?["account"]?["id"]?.GetValue<string>();
                var id = FakeMastodonData.OwnStatusId(5000 + Data.OwnStatuses.Count);
                created = FakeEntities.Status(id, Data.Me, now, "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
                    visibility: form["visibility"].FirstOrDefault() ?? "public", inReplyToId: inReplyTo, inReplyToAccountId: repliedAccount,
                    language: form["language"].FirstOrDefault());
                Data.OwnStatuses.Add(created);
                if (key is not null)
                {
                    _idempotency[key] = (created, now);
                }
            }

            if (DropNextPostAnswer)
            {
                DropNextPostAnswer = false;
                http.Abort();
                return;
            }
        }

        await WriteJsonAsync(http, created);
    }

    /// <summary>The statuses the instance knows, in any order.</summary>
    private IEnumerable<JsonObject> AllStatuses() =>
        Data.OwnStatuses
            .Concat(Data.Notifications.Select(n => n["status"]).OfType<JsonObject>())
            .Concat(Data.Conversations.SelectMany(c => c.Thread));

    private static Task NotFound(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return WriteJsonAsync(http, new JsonObject { ["error"] = "Record not found" });
    }

    private static string Id(JsonObject entity) => entity["id"]!.GetValue<string>();

    private static JsonArray Array(IReadOnlyList<JsonObject> items) => new(items.Select(i => (JsonNode)i.DeepClone()).ToArray());

    /// <summary>Total statuses the account has (for tests).</summary>
    public int OwnStatusCount => Locked(() => Data.OwnStatuses.Count);
}
