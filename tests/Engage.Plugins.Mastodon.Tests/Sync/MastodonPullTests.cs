using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Plugins.Mastodon.Tests.Support;
using Engage.Sdk.Items;
using Engage.Sdk.Testing.Sync;

namespace Engage.Plugins.Mastodon.Tests.Sync;

/// <summary>Full and incremental syncs against the fake instance, through the kit's host-like pull driver.</summary>
public sealed class MastodonPullTests : IAsyncLifetime
{
    private FakeMastodonServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMastodonServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FirstSync_PagesEveryStreamToTheEnd_StoresEverything()
    {
        var items = new InMemoryItemStore();
        var run = await TestMastodon.SyncAsync(_server, new InMemoryCursorStore(), items);

        run.Failure.Should().BeNull();
        run.Completed.Should().BeTrue();
        run.Batches.Should().HaveCount(1 + 4 + 4 + 3 + 4, "the account, then each stream's pages up to the empty one");
        _server.Requests.Should().HaveCount(1 + 4 + 4 + (3 + 45) + 4, "verify_credentials, the pages, and one context per conversation");
        var data = _server.Data;
        var directOrNot = data.OwnStatuses.Count(s => (string?)s["visibility"] == "direct");
        items.Posts.Should().HaveCount(data.OwnStatuses.Count - directOrNot, "every status but the direct ones, over three pages of 40");
        items.Accounts.Values.Should().ContainSingle().Which.FollowersCount.Should().Be(1843);
        items.DailyStats.Values.Should().ContainSingle().Which.Followers.Should().Be(1843);
        foreach (var (_, follower) in data.Followers)
        {
            items.Contacts.Should().ContainKey(follower["id"]!.GetValue<string>());
        }

        var messages = items.Interactions.Values.Where(i => i.Kind == InteractionKind.Message && i.ConversationExternalId is not null).ToList();
        messages.Select(m => m.ConversationExternalId).Distinct().Should().HaveCount(data.Conversations.Count, "every conversation over two pages");
        messages.Should().Contain(m => m.Direction == InteractionDirection.Outbound && m.InReplyToExternalId != null);
        var paths = _server.Requests.Select(r => r.PathAndQuery).ToList();
        var secondFollowersPage = "/followers?limit=80&max_id=" + data.Followers[^80].FollowId;
        paths.Should().Contain(p => p.Contains(secondFollowersPage, StringComparison.Ordinal),
            "the followers' second page is asked by the hidden follow id from the Link header");
        paths.Should().Contain(p => p.StartsWith("/api/v1/conversations?limit=40&max_id=", StringComparison.Ordinal));
        paths.Should().NotContain(p => p.Contains("/followers", StringComparison.Ordinal) && p.Contains("max_id=5", StringComparison.Ordinal),
            "follower account ids are not paging keys");
    }

    [Fact]
    public async Task Notifications_EveryKnownTypeMapped_UnknownTypesIgnored()
    {
        var stranger = _server.Data.Contacts[5];
        string[] ignored = ["quoted_update", "status", "update", "emoji_reaction_v9", "admin.report"];
        for (var i = 0; i < ignored.Length; i++)
        {
            var status = FakeEntities.Status($"11239999999999999{i}", stranger, FakeMastodonData.T0, "<p>not for the inbox</p>");
            _server.Data.Notifications.Add(FakeEntities.Notification($"1000020{i}", ignored[i], FakeMastodonData.T0, stranger, status));
        }

        var items = new InMemoryItemStore();
        (await TestMastodon.SyncAsync(_server, new InMemoryCursorStore(), items)).Failure.Should().BeNull();

        var byKind = items.Interactions.Values.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());
        byKind.Keys.Should().Contain([InteractionKind.Comment, InteractionKind.Mention, InteractionKind.Message, InteractionKind.Reaction,
            InteractionKind.Share, InteractionKind.Follow, InteractionKind.Quote, InteractionKind.Reply]);
        var comment = items.Interactions.Values.First(i => i.Kind == InteractionKind.Comment);
        comment.PostExternalId.Should().Be(comment.InReplyToExternalId).And.NotBeNull();
        comment.Text.Should().Be("@acme love it! 😍");
        items.Interactions.Values.Where(i => i.Kind == InteractionKind.Quote)
            .Should().OnlyContain(q => q.PostExternalId != null && q.PostExternalId.StartsWith("1123487718", StringComparison.Ordinal), "a quote points at the quoted status");
        items.Interactions.Keys.Should().NotContain(k => k.StartsWith("11239999999999999", StringComparison.Ordinal));
        items.Posts.Keys.Should().NotContain(k => k.StartsWith("11239999999999999", StringComparison.Ordinal));
        items.Interactions.Values.Count(i => i.Kind == InteractionKind.Follow).Should().Be(
            _server.Data.Notifications.Where(n => (string)n["type"]! == "follow").Select(n => (string)n["account"]!["id"]!).Distinct().Count());
    }

    [Fact]
    public async Task Text_PersianHebrewEmojiAndEntities_PreservedExactly()
    {
        var items = new InMemoryItemStore();
        (await TestMastodon.SyncAsync(_server, new InMemoryCursorStore(), items)).Failure.Should().BeNull();

        items.Posts[FakeMastodonData.OwnStatusId(1)].Text.Should().Be(FakeMastodonData.PersianText);
        items.Posts[FakeMastodonData.OwnStatusId(1)].Language.Should().Be("fa");
        items.Posts[FakeMastodonData.OwnStatusId(2)].Text.Should().Be(FakeMastodonData.HebrewLine + "\n\nשורה שנייה\nשורה שלישית");
        items.Posts[FakeMastodonData.OwnStatusId(3)].Text.Should().Be(FakeMastodonData.EmojiText);
        items.Posts[FakeMastodonData.OwnStatusId(0)].Text.Should().Be("Our spring catalogue is out! #gardening");
        items.Posts[FakeMastodonData.OwnStatusId(0)].Url.Should().Be($"https://{FakeEntities.Host}/@acme/{FakeMastodonData.OwnStatusId(0)}");
        items.Interactions.Values.Should().Contain(i => i.Kind == InteractionKind.Mention && i.Text == "@acme " + FakeMastodonData.PersianText);
        items.Contacts.Values.Should().Contain(c => c.DisplayName == "مریم" && c.Handle == "@maryam@social.example.ir");
        items.Contacts.Values.Should().Contain(c => c.DisplayName == "דנה" && c.Handle == "@dana@" + _server.BaseUri.Host,
            "a local account's handle gets the instance's host");
    }

    [Fact]
    public async Task Posts_BoostsRepliesAndOlderServers_MappedWithTheirCounts()
    {
        var items = new InMemoryItemStore();
        (await TestMastodon.SyncAsync(_server, new InMemoryCursorStore(), items)).Failure.Should().BeNull();

        var boost = items.Posts[FakeMastodonData.OwnStatusId(7)];
        boost.Kind.Should().Be(PostKind.Repost);
        boost.Likes.Should().Be(40, "a boost counts on the boosted status");
        var noQuotes = items.Posts[FakeMastodonData.OwnStatusId(5)];
        noQuotes.Shares.Should().Be(5 % 3, "quotes_count is absent on older servers: shares are the boosts alone");
        items.Posts[FakeMastodonData.OwnStatusId(6)].Kind.Should().Be(PostKind.Reply);
        var reply = items.Interactions[FakeMastodonData.OwnStatusId(4)];
        reply.Direction.Should().Be(InteractionDirection.Outbound);
        reply.Kind.Should().Be(InteractionKind.Reply);
        reply.ContactExternalId.Should().Be(_server.Data.Contacts[0]["id"]!.GetValue<string>());
        items.Contacts[reply.ContactExternalId!].Handle.Should().Be("@zoe@other.example");
        items.Posts.Should().NotContainKey(FakeMastodonData.OwnStatusId(8), "direct messages are conversations, not posts");
    }

    [Fact]
    public async Task SecondSync_NewItemsOnly_WithMinIdAndPrevLinks_AndRefreshedCounts()
    {
        var cursors = new InMemoryCursorStore();
        var items = new InMemoryItemStore();
        (await TestMastodon.SyncAsync(_server, cursors, items)).Completed.Should().BeTrue();
        var data = _server.Data;
        var newestStatus = FakeMastodonData.OwnStatusId(data.OwnStatuses.Count - 1);
        var newestNotification = data.Notifications[^1]["id"]!.GetValue<string>();
        newestNotification.Should().Be("10000119", "the ids grew from 7 to 8 digits: '9999999' sorts after it as text");
        data.OwnStatuses[^1]["favourites_count"] = 999;
        data.OwnStatuses.Add(FakeEntities.Status(FakeMastodonData.OwnStatusId(data.OwnStatuses.Count + 100), data.Me, FakeMastodonData.T0.AddHours(1), "<p>new</p>"));
        data.Notifications.Add(FakeEntities.Notification("10000120", "follow", FakeMastodonData.T0.AddHours(1), FakeEntities.Account("424242", "newfan", "x.example")));
        data.Followers.Add(("7499999", FakeEntities.Account("424242", "newfan", "x.example")));

        var before = _server.Requests.Count;
        var second = await TestMastodon.SyncAsync(_server, cursors, items);

        second.Completed.Should().BeTrue();
        items.Posts[newestStatus].Likes.Should().Be(999, "recent posts' counts are refreshed on later syncs");
        items.Posts.Should().ContainKey(FakeMastodonData.OwnStatusId(data.OwnStatuses.Count - 1 + 100));
        items.Interactions.Should().ContainKey("follow:424242");
        items.Contacts.Should().ContainKey("424242");
        var asked = _server.Requests.Skip(before).Select(r => r.PathAndQuery).ToList();
        asked.Should().Contain($"/api/v1/notifications?limit=80&min_id={newestNotification}");
        asked.Should().Contain($"/api/v1/accounts/{FakeMastodonData.MeId}/statuses?limit=40&min_id={newestStatus}");
        asked.Should().Contain(p => p.StartsWith($"/api/v1/accounts/{FakeMastodonData.MeId}/followers?limit=80&min_id=", StringComparison.Ordinal));
        asked.Should().NotContain(p => p.Contains("max_id", StringComparison.Ordinal), "nothing is walked back again");
        asked.Count.Should().BeLessThan(20);
    }

    [Fact]
    public async Task SecondSync_RecentPostsReadAgain_UntilAPageReachesPastSevenDays()
    {
        var cursors = new InMemoryCursorStore();
        var items = new InMemoryItemStore();
        (await TestMastodon.SyncAsync(_server, cursors, items)).Completed.Should().BeTrue();
        var statuses = _server.Data.OwnStatuses;
        foreach (var i in new[] { 0, 30, 94 })
        {
            statuses[i]["favourites_count"] = 1000 + i;
        }

        // Five days after the newest post: the newest page (1 to 40 hours old) and the next (41 to 80 hours old) are read
        // again; the next would start at 81 hours, past the window's start (168 - 120 = 48 hours before the newest post).
        var second = await TestMastodon.SyncAsync(_server, cursors, items, TestMastodon.Context(_server, now: FakeMastodonData.T0.AddDays(5)));

        second.Completed.Should().BeTrue();
        items.Posts[FakeMastodonData.OwnStatusId(94)].Likes.Should().Be(1094);
        items.Posts[FakeMastodonData.OwnStatusId(30)].Likes.Should().Be(1030);
        items.Posts[FakeMastodonData.OwnStatusId(0)].Likes.Should().Be(0, "posts older than the window keep the counts of their last reading");
    }

    [Fact]
    public async Task Sync_ResumedFromEveryCommittedCursor_StoresTheSameAsOneRun()
    {
        var whole = new InMemoryItemStore();
        (await TestMastodon.SyncAsync(_server, new InMemoryCursorStore(), whole)).Completed.Should().BeTrue();

        var cursors = new InMemoryCursorStore();
        var pieces = new InMemoryItemStore();
        for (var run = 0; run < 100; run++)
        {
            var result = await PullDriver.ConnectAndRunAsync(TestMastodon.Connector(), TestMastodon.Context(_server), cursors, pieces, maxBatches: 3);
            result.Failure.Should().BeNull();
            if (result.Completed)
            {
                break;
            }
        }

        pieces.Snapshot().Should().Equal(whole.Snapshot());
    }
}
