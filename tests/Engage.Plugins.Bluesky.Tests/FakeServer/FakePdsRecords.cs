using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Bluesky.Tests.FakeServer;

/// <summary>
/// <c>com.atproto.repo.createRecord</c> (networks.md §2.4): one record per key in the repository. A second create at the
/// same key is refused as the repository's MST refuses it (<c>There is already a value at key</c>), never stored twice.
/// </summary>
internal sealed partial class FakePds
{
    private static readonly Regex TidSyntax = new("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$", RegexOptions.CultureInvariant);

    private async Task CreateRecordAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        var repo = body?["repo"]?.GetValue<string>();
        var collection = body?["collection"]?.GetValue<string>();
        var rkey = body?["rkey"]?.GetValue<string>();
        var record = body?["record"] as JsonObject;
        if (repo != FakePdsData.MeDid || collection != "app.bsky.feed.post" || record?["$type"]?.GetValue<string>() != collection
            || record["text"] is null || record["createdAt"] is null)
        {
            await ErrorAsync(http, 400, "InvalidRequest", "Invalid app.bsky.feed.post record");
            return;
        }

        if (rkey is null || !TidSyntax.IsMatch(rkey))
        {
            await ErrorAsync(http, 400, "InvalidRequest", "Invalid record key: must be a TID");
            return;
        }

        JsonObject created;
        lock (Gate)
        {
            if (Data.Created.ContainsKey(rkey))
            {
                created = null!;
            }
            else
            {
                created = new JsonObject
                {
                    ["uri"] = $"at://{repo}/{collection}/{rkey}", ["cid"] = $"bafyreicreated{Data.Created.Count:0000}", ["value"] = record.DeepClone(),
                };
                Data.Created[rkey] = created;
            }
        }

        if (created is null)
        {
            await ErrorAsync(http, 400, "InvalidRequest", $"There is already a value at key: {collection}/{rkey}");
            return;
        }

        if (DropNextCreateAnswer)
        {
            DropNextCreateAnswer = false;
            http.Abort();
            return;
        }

        await WriteJsonAsync(http, new JsonObject
        {
            ["uri"] = created["uri"]!.DeepClone(), ["cid"] = created["cid"]!.DeepClone(),
            ["commit"] = new JsonObject { ["cid"] = "bafyreicommit", ["rev"] = "3kq3rev" }, ["validationStatus"] = "valid",
        });
    }
}
