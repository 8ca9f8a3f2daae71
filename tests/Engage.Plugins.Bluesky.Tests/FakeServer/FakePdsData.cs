using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Engage.Plugins.Bluesky.Tests.FakeServer;

/// <summary>
/// The fake PDS/AppView's data, shaped as networks.md §2 shows it: the account's author feed (own posts, replies to others,
/// reposts of others' posts with <c>#reasonRepost</c>), notifications of every known reason and some unknown ones, and
/// followers. Every union member carries its <c>$type</c>; some posts leave counts out (unknown, not 0).
/// </summary>
internal sealed class FakePdsData
{
    public const string MeDid = "did:plc:abc123xyz456abc123xyz456";
    public const string MeHandle = "acme.bsky.social";
    public const string PartnerDid = "did:plc:zzz999";
    public const string PartnerHandle = "partner.example.com";
    public const long FollowersCount = 1843;

    /// <summary>The spec's fixture: <c>#</c> is at UTF-16 index 27 but UTF-8 byte 29 (🌱 is 4 bytes).</summary>
    public const string SpringText = "Spring catalogue is out 🌱 #gardening";

    /// <summary>Emoji, Persian and Hebrew before a link and a mention: char and byte offsets differ a lot.</summary>
    public const string RtlText = "🌷 بهار آمد — שלום 👋🏽 see example.com/spring… with @partner.example.com ✔";

    public const string RtlLinkText = "example.com/spring…";
    public const string RtlLinkUri = "https://example.com/spring?utm=bsky&lang=fa";

    public static readonly DateTimeOffset Newest = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    public JsonObject Profile { get; } = new()
    {
        ["did"] = MeDid, ["handle"] = MeHandle, ["displayName"] = "ACME Garden Co.", ["followersCount"] = FollowersCount,
        ["followsCount"] = 120, ["postsCount"] = 412, ["indexedAt"] = "2024-01-01T00:00:00.000Z",
    };

    /// <summary>feedViewPost objects, newest first (by repost time for reposts, else indexedAt).</summary>
    public List<JsonObject> Feed { get; } = [];

    public List<JsonObject> Notifications { get; } = [];

    /// <summary>profileView objects, newest follow first.</summary>
    public List<JsonObject> Followers { get; } = [];

    /// <summary>Records created through createRecord, by record key.</summary>
    public Dictionary<string, JsonObject> Created { get; } = new(StringComparer.Ordinal);

    public static FakePdsData Seed(int posts = 40, int notifications = 60, int followers = 30)
    {
        var data = new FakePdsData();
        for (var i = 0; i < posts; i++)
        {
            data.Feed.Add(i % 10 == 9 ? Repost(i) : OwnPost(i));
        }

        string[] reasons = ["like", "repost", "reply", "mention", "quote", "follow", "starterpack-joined", "like-via-repost", "x-future-reason"];
        for (var i = 0; i < notifications; i++)
        {
            data.Notifications.Add(Notification(i, reasons[i % reasons.Length], OwnPostUri(i % Math.Max(1, posts))));
        }

        for (var i = 0; i < followers; i++)
        {
            data.Followers.Add(FollowerProfile(i));
        }

        return data;
    }

    public static string OwnPostUri(int i) => $"at://{MeDid}/app.bsky.feed.post/3kq2own{i:000000}";

    public static string Rkey(int i) => $"3kq2own{i:000000}";

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A new post of the account, newer than everything seeded (for incremental syncs).</summary>
    public JsonObject AddNewPost(int i, DateTimeOffset at)
    {
        var post = OwnPost(i, at);
        Feed.Insert(0, post);
        return post;
    }

    public static JsonObject OwnPost(int i, DateTimeOffset? at = null)
    {
        var time = at ?? Newest.AddMinutes(-10 * i);
        var text = i == 0 ? SpringText : i == 1 ? RtlText : $"Post {i}: tips for the garden 🌿";
        var record = new JsonObject { ["$type"] = "app.bsky.feed.post", ["text"] = text, ["langs"] = new JsonArray(i == 1 ? "fa" : "en"), ["createdAt"] = Iso(time.AddSeconds(-1)) };
        if (i == 0)
        {
            record["facets"] = new JsonArray(Facet(SpringText, "#gardening", new JsonObject { ["$type"] = "app.bsky.richtext.facet#tag", ["tag"] = "gardening" }));
        }
        else if (i == 1)
        {
            record["facets"] = new JsonArray(
                Facet(RtlText, RtlLinkText, new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = RtlLinkUri }),
                Facet(RtlText, "@" + PartnerHandle, new JsonObject { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = PartnerDid }));
        }

        JsonObject? reply = null;
        if (i % 6 == 5)
        {
            var parent = OtherPost($"at://did:plc:cust{i:000}/app.bsky.feed.post/3kq2cust{i:0000}", $"did:plc:cust{i:000}", $"customer{i}.bsky.social", "Do you ship to Tabriz?", time.AddMinutes(-3));
            var strong = new JsonObject { ["uri"] = parent["uri"]!.GetValue<string>(), ["cid"] = parent["cid"]!.GetValue<string>() };
            record["reply"] = new JsonObject { ["root"] = strong.DeepClone(), ["parent"] = strong };
            reply = new JsonObject { ["root"] = parent.DeepClone(), ["parent"] = parent };
        }

        var post = new JsonObject
        {
            ["uri"] = OwnPostUri(i), ["cid"] = $"bafyreiown{i:000000}",
            ["author"] = new JsonObject { ["did"] = MeDid, ["handle"] = MeHandle, ["displayName"] = "ACME Garden Co.", ["labels"] = new JsonArray() },
            ["record"] = record, ["bookmarkCount"] = 0, ["indexedAt"] = Iso(time), ["labels"] = new JsonArray(),
        };
        if (i % 7 != 3)
        {
            post["replyCount"] = i % 4;
            post["repostCount"] = i % 5;
            post["quoteCount"] = i % 2;
            if (i % 5 != 2)
            {
                post["likeCount"] = 10 + i;
            }
        }

        var entry = new JsonObject { ["post"] = post };
        if (reply is not null)
        {
            entry["reply"] = reply;
        }

        return entry;
    }

    private static JsonObject Repost(int i)
    {
        var time = Newest.AddMinutes(-10 * i);
        return new JsonObject
        {
            ["post"] = OtherPost($"at://{PartnerDid}/app.bsky.feed.post/3kq1partner{i:00}", PartnerDid, PartnerHandle, "Big news!", time.AddHours(-5)),
            ["reason"] = new JsonObject
            {
                ["$type"] = "app.bsky.feed.defs#reasonRepost", ["by"] = new JsonObject { ["did"] = MeDid, ["handle"] = MeHandle },
                ["uri"] = $"at://{MeDid}/app.bsky.feed.repost/3kq2repost{i:00}", ["cid"] = "bafyreirepost", ["indexedAt"] = Iso(time),
            },
        };
    }

    private static JsonObject OtherPost(string uri, string did, string handle, string text, DateTimeOffset at) => new()
    {
        ["$type"] = "app.bsky.feed.defs#postView", ["uri"] = uri, ["cid"] = "bafyrei" + uri.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture),
        ["author"] = new JsonObject { ["did"] = did, ["handle"] = handle, ["displayName"] = handle.Split('.')[0] },
        ["record"] = new JsonObject { ["$type"] = "app.bsky.feed.post", ["text"] = text, ["createdAt"] = Iso(at) },
        ["replyCount"] = 0, ["repostCount"] = 2, ["likeCount"] = 5, ["quoteCount"] = 0, ["indexedAt"] = Iso(at), ["labels"] = new JsonArray(),
    };

    public static JsonObject Notification(int i, string reason, string subject, DateTimeOffset? at = null)
    {
        var time = at ?? Newest.AddMinutes(-7 * i - 1);
        var fan = new JsonObject { ["did"] = $"did:plc:fan{i:0000}", ["handle"] = $"fan{i}.bsky.social", ["displayName"] = $"Fan {i}", ["labels"] = new JsonArray() };
        var collection = reason switch { "like" => "app.bsky.feed.like", "repost" => "app.bsky.feed.repost", "follow" => "app.bsky.graph.follow", _ => "app.bsky.feed.post" };
        var uri = $"at://did:plc:fan{i:0000}/{collection}/3kq2n{i:000000}";
        var record = reason switch
        {
            "like" or "repost" => new JsonObject { ["$type"] = collection, ["subject"] = new JsonObject { ["uri"] = subject, ["cid"] = "bafyreisubject" }, ["createdAt"] = Iso(time) },
            "follow" => new JsonObject { ["$type"] = collection, ["subject"] = MeDid, ["createdAt"] = Iso(time) },
            "reply" => new JsonObject
            {
                ["$type"] = collection, ["text"] = $"Shipping was slow though 😕 ({i})", ["langs"] = new JsonArray("en"), ["createdAt"] = Iso(time),
                ["reply"] = new JsonObject { ["root"] = new JsonObject { ["uri"] = subject, ["cid"] = "bafyreisubject" }, ["parent"] = new JsonObject { ["uri"] = subject, ["cid"] = "bafyreisubject" } },
            },
            _ => new JsonObject { ["$type"] = collection, ["text"] = $"@{MeHandle} שלום, question {i}", ["createdAt"] = Iso(time) },
        };
        var n = new JsonObject
        {
            ["uri"] = uri, ["cid"] = $"bafyrein{i:0000}", ["author"] = fan, ["reason"] = reason, ["record"] = record,
            ["isRead"] = false, ["indexedAt"] = Iso(time.AddMilliseconds(500)), ["labels"] = new JsonArray(),
        };
        if (reason is "like" or "repost" or "reply" or "quote")
        {
            n["reasonSubject"] = subject;
        }

        return n;
    }

    public static JsonObject FollowerProfile(int i)
    {
        var profile = new JsonObject { ["did"] = $"did:plc:follower{i:0000}", ["handle"] = $"follower{i}.bsky.social", ["labels"] = new JsonArray() };
        if (i % 3 != 0)
        {
            profile["displayName"] = $"Follower {i}";
        }

        return profile;
    }

    private static JsonObject Facet(string text, string covered, JsonObject feature)
    {
        var at = text.IndexOf(covered, StringComparison.Ordinal);
        var start = Encoding.UTF8.GetByteCount(text[..at]);
        return new JsonObject
        {
            ["index"] = new JsonObject { ["byteStart"] = start, ["byteEnd"] = start + Encoding.UTF8.GetByteCount(covered) },
            ["features"] = new JsonArray(feature),
        };
    }
}
