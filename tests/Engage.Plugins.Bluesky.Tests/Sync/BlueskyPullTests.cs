using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Plugins.Bluesky.Tests.Support;
using Engage.Sdk.Items;
using Engage.Sdk.Testing.Sync;

namespace Engage.Plugins.Bluesky.Tests.Sync;

/// <summary>Pulling from the fake PDS: paging to the end, incremental cycles, the product model's items, text and counts exact.</summary>
public sealed class BlueskyPullTests : IAsyncLifetime
{
    private FakePds _server = null!;

    public async Task InitializeAsync() => _server = await FakePds.StartAsync(FakePdsData.Seed(posts: 60, notifications: 70, followers: 55));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FirstSync_PagesEveryStreamToTheEnd_WithOpaqueCursors()
    {
        var items = new InMemoryItemStore();

        var run = await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), items);

        run.Failure.Should().BeNull();
        run.Completed.Should().BeTrue();
        _server.Count("app.bsky.feed.getAuthorFeed").Should().Be(3, "60 entries at 25 a page");
        _server.Count("app.bsky.notification.listNotifications").Should().Be(3);
        _server.Count("app.bsky.graph.getFollowers").Should().Be(3);
        run.Batches.Should().HaveCount(10, "the account, then one batch per page");
        _server.Requests.Should().HaveCount(11, "createSession, getProfile and one request per page (the figures docs/connectors/bluesky.md quotes)");
        _server.Requests.Should().Contain(r => r.PathAndQuery.Contains("cursor=" + Uri.EscapeDataString($"{FakePdsData.Newest.AddMinutes(-240).ToUnixTimeMilliseconds()}__"), StringComparison.Ordinal),
            "the feed's '<ms>__<cid>' cursor is sent back as it came");
        var posts = items.Posts.Values.ToList();
        posts.Should().HaveCount(60);
        posts.Count(p => p.Kind == PostKind.Repost).Should().Be(6);
        items.Contacts.Keys.Should().Contain(Enumerable.Range(0, 55).Select(i => $"did:plc:follower{i:0000}"));
    }

    [Fact]
    public async Task FirstSync_IsoLookingFeedCursors_AreSentBackUnchanged()
    {
        _server.IsoFeedCursors = true;

        var run = await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), new InMemoryItemStore());

        run.Completed.Should().BeTrue();
        _server.Requests.Where(r => r.Nsid == "app.bsky.feed.getAuthorFeed").Skip(1).Should()
            .OnlyContain(r => r.PathAndQuery.Contains("cursor=2024-05-01T", StringComparison.Ordinal) && r.Status == 200);
    }

    [Fact]
    public async Task Posts_KeepTextExactly_CountsMissingStayNull_UrlFromHandleAndRkey()
    {
        var items = new InMemoryItemStore();

        await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), items);

        var spring = items.Posts[FakePdsData.OwnPostUri(0)];
        spring.Text.Should().Be(FakePdsData.SpringText);
        spring.Url.Should().Be($"https://bsky.app/profile/{FakePdsData.MeHandle}/post/{FakePdsData.Rkey(0)}");
        spring.Likes.Should().Be(10);
        items.Posts[FakePdsData.OwnPostUri(1)].Text.Should().Be(FakePdsData.RtlText);
        items.Posts[FakePdsData.OwnPostUri(1)].Language.Should().Be("fa");
        var noLikes = items.Posts[FakePdsData.OwnPostUri(2)];
        noLikes.Likes.Should().BeNull("likeCount was left out: unknown, not 0");
        noLikes.Comments.Should().Be(2);
        var noCounts = items.Posts[FakePdsData.OwnPostUri(3)];
        (noCounts.Likes, noCounts.Comments, noCounts.Shares).Should().Be((null, null, null));
        var zero = items.Posts[FakePdsData.OwnPostUri(20)];
        zero.Comments.Should().Be(0, "a count sent as 0 is 0");
    }

    [Fact]
    public async Task Reposts_AreRepostsWithoutTheOriginalsCounts_RepliesToOthersAreOutboundInteractions()
    {
        var items = new InMemoryItemStore();

        await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), items);

        var repost = items.Posts[$"at://{FakePdsData.MeDid}/app.bsky.feed.repost/3kq2repost09"];
        repost.Kind.Should().Be(PostKind.Repost);
        repost.Likes.Should().BeNull("the likes belong to the partner's post, not to the account");
        repost.Url.Should().StartWith($"https://bsky.app/profile/{FakePdsData.PartnerHandle}/post/");
        var reply = items.Interactions[FakePdsData.OwnPostUri(5)];
        reply.Kind.Should().Be(InteractionKind.Reply);
        reply.Direction.Should().Be(InteractionDirection.Outbound);
        reply.ContactExternalId.Should().Be("did:plc:cust005");
        reply.InReplyToExternalId.Should().Be("at://did:plc:cust005/app.bsky.feed.post/3kq2cust0005");
        items.Posts[FakePdsData.OwnPostUri(5)].Kind.Should().Be(PostKind.Reply);
        items.Contacts["did:plc:cust005"].Handle.Should().Be("@customer5.bsky.social");
    }

    [Fact]
    public async Task Notifications_KnownReasonsBecomeInteractions_UnknownReasonsAreIgnored()
    {
        var items = new InMemoryItemStore();

        await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), items);

        var inbound = items.Interactions.Values.Where(i => i.Direction == InteractionDirection.Inbound).ToList();
        inbound.Should().HaveCount(_server.Data.Notifications.Count(n => n["reason"]!.GetValue<string>() is "like" or "repost" or "reply" or "mention" or "quote" or "follow"));
        inbound.Select(i => i.Kind).Distinct().Should().BeEquivalentTo(
            [InteractionKind.Reaction, InteractionKind.Share, InteractionKind.Comment, InteractionKind.Mention, InteractionKind.Quote, InteractionKind.Follow]);
        var comment = items.Interactions["at://did:plc:fan0002/app.bsky.feed.post/3kq2n000002"];
        comment.Kind.Should().Be(InteractionKind.Comment);
        comment.PostExternalId.Should().Be(FakePdsData.OwnPostUri(2));
        comment.Text.Should().Be("Shipping was slow though 😕 (2)");
        comment.ContactExternalId.Should().Be("did:plc:fan0002");
        comment.Url.Should().Be("https://bsky.app/profile/fan2.bsky.social/post/3kq2n000002");
        inbound.Single(i => i.ExternalId == $"like:did:plc:fan0000:{FakePdsData.OwnPostUri(0)}").PostExternalId.Should().Be(FakePdsData.OwnPostUri(0));
        items.Contacts.Should().NotContainKey("did:plc:fan0006", "a starterpack-joined notification is not an interaction");
    }

    [Fact]
    public async Task AccountAndDailySnapshot_CarryTheProfilesFollowerCount()
    {
        var items = new InMemoryItemStore();

        await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), items);

        var account = items.Accounts[FakePdsData.MeDid];
        account.FollowersCount.Should().Be(FakePdsData.FollowersCount);
        account.Handle.Should().Be("@" + FakePdsData.MeHandle);
        items.DailyStats.Values.Should().ContainSingle().Which.Followers.Should().Be(FakePdsData.FollowersCount);
    }

    [Fact]
    public async Task SecondSync_StopsAtWhatTheFirstSaw_AndPicksUpNewItems()
    {
        var cursors = new InMemoryCursorStore();
        var items = new InMemoryItemStore();
        var context = TestBluesky.Context(_server);
        await TestBluesky.SyncAsync(_server, cursors, items, context);
        var before = _server.Requests.Count;
        _server.Data.AddNewPost(900, FakePdsData.Newest.AddHours(1));
        _server.Data.Notifications.Insert(0, FakePdsData.Notification(901, "mention", FakePdsData.OwnPostUri(0), FakePdsData.Newest.AddHours(1)));
        _server.Data.Followers.Insert(0, FakePdsData.FollowerProfile(902));

        var run = await TestBluesky.SyncAsync(_server, cursors, items, context);

        run.Completed.Should().BeTrue();
        var asked = _server.Requests.Skip(before).ToList();
        asked.Count(r => r.Nsid == "app.bsky.feed.getAuthorFeed").Should().Be(1, "the first page already reaches what the first sync saw");
        asked.Count(r => r.Nsid == "app.bsky.notification.listNotifications").Should().Be(1);
        asked.Count(r => r.Nsid == "app.bsky.graph.getFollowers").Should().Be(1);
        asked.Should().NotContain(r => r.Nsid == "com.atproto.server.createSession", "the stored session is reused");
        items.Posts.Should().ContainKey(FakePdsData.OwnPostUri(900));
        items.Interactions.Should().ContainKey("at://did:plc:fan0901/app.bsky.feed.post/3kq2n000901");
        items.Contacts.Should().ContainKey("did:plc:follower0902");
    }

    [Fact]
    public async Task LaterSync_WithinAWeekOfThePosts_ReadsRecentPostsAgain_SoTheirCountsGrow()
    {
        var cursors = new InMemoryCursorStore();
        var items = new InMemoryItemStore();
        var context = TestBluesky.Context(_server, now: FakePdsData.Newest.AddDays(1));
        await TestBluesky.SyncAsync(_server, cursors, items, context);
        _server.Data.Feed[40]["post"]!["likeCount"] = 999;
        var before = _server.Requests.Count;

        await TestBluesky.SyncAsync(_server, cursors, items, context);

        _server.Requests.Skip(before).Count(r => r.Nsid == "app.bsky.feed.getAuthorFeed").Should().Be(3, "all 60 posts are a day old: every page is read again");
        items.Posts[FakePdsData.OwnPostUri(40)].Likes.Should().Be(999);
    }

    [Fact]
    public async Task LaterSync_PostsOlderThanAWeek_ReadsOnlyTheNewestPage()
    {
        var cursors = new InMemoryCursorStore();
        var items = new InMemoryItemStore();
        var context = TestBluesky.Context(_server, now: FakePdsData.Newest.AddDays(30));
        await TestBluesky.SyncAsync(_server, cursors, items, context);
        _server.Data.Feed[0]["post"]!["likeCount"] = 555;
        _server.Data.Feed[40]["post"]!["likeCount"] = 999;
        var before = _server.Requests.Count;

        await TestBluesky.SyncAsync(_server, cursors, items, context);

        _server.Requests.Skip(before).Count(r => r.Nsid == "app.bsky.feed.getAuthorFeed").Should().Be(1);
        items.Posts[FakePdsData.OwnPostUri(0)].Likes.Should().Be(555, "the newest page is read again every cycle");
        items.Posts[FakePdsData.OwnPostUri(40)].Likes.Should().Be(50, "a month-old post beyond the newest page keeps its last count");
    }
}
