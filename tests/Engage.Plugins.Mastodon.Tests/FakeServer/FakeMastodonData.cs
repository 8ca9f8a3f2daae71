using System.Globalization;
using System.Text.Json.Nodes;

namespace Engage.Plugins.Mastodon.Tests.FakeServer;

/// <summary>
/// What the fake instance holds for the account <c>@acme</c>: its statuses (several pages, with Persian, Hebrew, emoji
/// and HTML quirks, replies, a boost and a direct message), notifications of every documented type plus types this
/// connector does not know (ids crossing from 7 to 8 digits), direct-message conversations with threads, and followers
/// whose follow ids (the hidden paging keys) run opposite to their account ids.
/// </summary>
internal sealed class FakeMastodonData
{
    public const string MeId = "109876543210987654";
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    public const string PersianText = "سلام دوستان! کاتالوگ بهاری ما منتشر شد 🌷";
    public const string HebrewLine = "שלום חברים! הקטלוג האביבי שלנו יצא 🌱";
    public const string EmojiText = "Team 👩🏽‍🌾👨‍👩‍👧 & friends <3 — read more: https://acme.example/blog/spring-2024";

    public JsonObject Me { get; } = FakeEntities.Account(MeId, "acme", displayName: "ACME Garden Co.", followers: 1843);

    public List<JsonObject> Contacts { get; } = [];
    public List<JsonObject> OwnStatuses { get; } = [];
    public List<JsonObject> OthersStatuses { get; } = [];
    public List<JsonObject> Notifications { get; } = [];
    public List<FakeConversation> Conversations { get; } = [];
    public List<(string FollowId, JsonObject Account)> Followers { get; } = [];

    /// <summary>Statuses that answer 404 from the context endpoint (deleted meanwhile).</summary>
    public HashSet<string> Deleted { get; } = [];

    public static FakeMastodonData Seed(int statuses = 95, int notifications = 170, int conversations = 45, int followers = 170)
    {
        var data = new FakeMastodonData();
        string[] names = ["zoe", "sam", "amy", "maryam", "dana", "lee", "kim", "ola", "ravi", "ines", "tom", "yui"];
        string?[] hosts = ["other.example", "cybre.example", "nulled.example", "social.example.ir", null, "mstdn.example", null, "fedi.example", "toot.example", null, "other.example", "jp.example"];
        string[] displays = ["Zoë", "Sam 🦊", "Amy", "مریم", "דנה", "Lee", "Kim", "Ola", "Ravi", "Inês", "Tom", "ゆい"];
        for (var i = 0; i < names.Length; i++)
        {
            data.Contacts.Add(FakeEntities.Account((971724 + i * 37).ToString(CultureInfo.InvariantCulture), names[i], hosts[i], displays[i], followers: 100 + i));
        }

        for (var i = 0; i < statuses; i++)
        {
            data.OwnStatuses.Add(data.OwnStatus(i, statuses));
        }

        for (var i = 0; i < notifications; i++)
        {
            data.Notifications.Add(data.NotificationAt(i));
        }

        for (var i = 0; i < conversations; i++)
        {
            data.Conversations.Add(data.ConversationAt(i));
        }

        for (var i = 0; i < followers; i++)
        {
            var account = FakeEntities.Account((500000 + (followers - i) * 13).ToString(CultureInfo.InvariantCulture), $"fan{i}", i % 3 == 0 ? null : "fans.example", followers: i);
            data.Followers.Add(((7486000 + i * 3).ToString(CultureInfo.InvariantCulture), account));
        }

        return data;
    }

    public static string OwnStatusId(int i) => (112348771840263172L + i * 1000L).ToString(CultureInfo.InvariantCulture);

    private JsonObject OwnStatus(int i, int count)
    {
        var at = T0.AddHours(-(count - i));
        var id = OwnStatusId(i);
        var zoe = Contacts[0];
        var status = (i % 9) switch
        {
            0 => FakeEntities.Status(id, Me, at, "<p>Our spring catalogue is out! <a href=\"https://social.example/tags/gardening\" class=\"mention hashtag\" rel=\"tag\">#<span>gardening</span></a></p>"),
            1 => FakeEntities.Status(id, Me, at, $"<p>{PersianText}</p>", language: "fa"),
            2 => FakeEntities.Status(id, Me, at, $"<p>{HebrewLine}</p><p>שורה שנייה<br />שורה שלישית</p>", language: "he"),
            3 => FakeEntities.Status(id, Me, at,
                "<p>Team 👩🏽‍🌾👨‍👩‍👧 &amp; friends &lt;3 — read more: <a href=\"https://acme.example/blog/spring-2024\" rel=\"nofollow noopener\" target=\"_blank\">" +
                "<span class=\"invisible\">https://</span><span class=\"ellipsis\">acme.example/blog/spri</span><span class=\"invisible\">ng-2024</span></a></p>"),
            4 => FakeEntities.Status(id, Me, at,
                "<p><span class=\"h-card\"><a href=\"https://other.example/@zoe\" class=\"u-url mention\">@<span>zoe</span></a></span> thank you!</p>",
                inReplyToId: $"11234900000000{i:D4}", inReplyToAccountId: zoe["id"]!.GetValue<string>(), mentions: FakeEntities.Mention(zoe)),
            5 => FakeEntities.Status(id, Me, at, "<p>An older server: no quotes_count here.</p>", withQuotesCount: false),
            6 => FakeEntities.Status(id, Me, at, "<p>Thread, part two.</p>", inReplyToId: OwnStatusId(Math.Max(0, i - 1)), inReplyToAccountId: MeId),
            7 => Boost(id, at),
            _ => FakeEntities.Status(id, Me, at, "<p>Hi Amy, your order has shipped.</p>", visibility: "direct", inReplyToAccountId: null),
        };
        if (status["reblog"] is null)
        {
            status["replies_count"] = i % 5;
            status["reblogs_count"] = i % 3;
            status["favourites_count"] = i * 2 % 17;
            if (status.ContainsKey("quotes_count"))
            {
                status["quotes_count"] = i % 2;
            }
        }

        return status;
    }

    private JsonObject Boost(string id, DateTimeOffset at)
    {
        var original = FakeEntities.Status($"1123400000000{id[^5..]}", Contacts[1], at.AddDays(-1), "<p>Original by Sam</p>");
        original["favourites_count"] = 40;
        original["replies_count"] = 4;
        original["reblogs_count"] = 9;
        var boost = FakeEntities.Status(id, Me, at, "");
        boost["reblog"] = original;
        return boost;
    }

    private JsonObject NotificationAt(int i)
    {
        var id = (9_999_950 + i).ToString(CultureInfo.InvariantCulture);
        var at = T0.AddMinutes(-(1000 - i) * 5);
        var who = Contacts[i % Contacts.Count];
        var mine = OwnStatuses[i % OwnStatuses.Count];
        var statusId = $"11234900000000{i:D4}";
        switch (i % 10)
        {
            case 0:
                return FakeEntities.Notification(id, "mention", at, who, FakeEntities.Status(statusId, who, at,
                    "<p><span class=\"h-card\"><a href=\"https://social.example/@acme\" class=\"u-url mention\">@<span>acme</span></a></span> love it! 😍</p>",
                    inReplyToId: mine["id"]!.GetValue<string>(), inReplyToAccountId: MeId, mentions: FakeEntities.Mention(Me)));
            case 1:
                return FakeEntities.Notification(id, "mention", at, who, FakeEntities.Status(statusId, who, at,
                    $"<p>@acme {PersianText}</p>", language: "fa", mentions: FakeEntities.Mention(Me)));
            case 2:
                return FakeEntities.Notification(id, "favourite", at, who, mine);
            case 3:
                return FakeEntities.Notification(id, "reblog", at, who, mine);
            case 4:
                return FakeEntities.Notification(id, "follow", at, who);
            case 5:
                var quoting = FakeEntities.Status(statusId, who, at, $"<p>{HebrewLine}</p>", language: "he");
                quoting["quote"] = new JsonObject { ["state"] = "accepted", ["quoted_status"] = mine.DeepClone() };
                return FakeEntities.Notification(id, "quote", at, who, quoting);
            case 6:
                var poll = mine.DeepClone().AsObject();
                poll["poll"] = new JsonObject { ["id"] = "34830", ["expired"] = true, ["votes_count"] = 10, ["options"] = new JsonArray() };
                return FakeEntities.Notification(id, "poll", at, who, poll);
            case 7:
                return FakeEntities.Notification(id, "quoted_update", at, who, mine);
            case 8:
                string[] unknown = ["admin.sign_up", "severed_relationships", "added_to_collection", "moderation_warning", "emoji_reaction_v9"];
                return FakeEntities.Notification(id, unknown[i / 10 % unknown.Length], at, who);
            default:
                return FakeEntities.Notification(id, "mention", at, who, FakeEntities.Status(statusId, who, at,
                    "<p>@acme is my parcel on its way?</p>", visibility: "direct", mentions: FakeEntities.Mention(Me)));
        }
    }

    private FakeConversation ConversationAt(int i)
    {
        var who = Contacts[(i + 2) % Contacts.Count];
        var at = T0.AddHours(-(100 - i));
        var question = FakeEntities.Status($"11250000000000{i:D2}10", who, at, $"<p>@acme question {i}: {HebrewLine}</p>", visibility: "direct",
            mentions: FakeEntities.Mention(Me), language: "he");
        var thread = new List<JsonObject> { question };
        if (i % 4 != 3)
        {
            thread.Add(FakeEntities.Status($"11250000000000{i:D2}20", Me, at.AddMinutes(7 + i), $"<p>@{who["acct"]} answer {i}</p>", visibility: "direct",
                inReplyToId: question["id"]!.GetValue<string>(), inReplyToAccountId: who["id"]!.GetValue<string>(), mentions: FakeEntities.Mention(who)));
        }

        if (i == 5)
        {
            Deleted.Add(thread[^1]["id"]!.GetValue<string>());
        }

        return new FakeConversation((418450 + (i * 7919 % 1000)).ToString(CultureInfo.InvariantCulture), [who], thread);
    }
}
