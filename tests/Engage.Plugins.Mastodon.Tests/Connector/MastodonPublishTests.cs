using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Plugins.Mastodon.Tests.Support;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Mastodon.Tests.Connector;

/// <summary>Publishing and replying with the host's idempotency key: a retry never posts twice.</summary>
public sealed class MastodonPublishTests : IAsyncLifetime
{
    private FakeMastodonServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMastodonServer.StartAsync(FakeMastodonData.Seed(statuses: 10, notifications: 20, conversations: 4, followers: 5));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Publish_RetriedWithTheSameKey_PostsOnce()
    {
        await using var session = await TestMastodon.ConnectAsync(_server);
        var publisher = (IPublishSession)session;
        var before = _server.OwnStatusCount;
        var request = new PublishRequest(FakeMastodonData.MeId, "Spring opening hours 🌷 ساعات کاری بهار", "pub-42-attempt") { Language = "fa" };

        var first = await publisher.PublishAsync(request, CancellationToken.None);
        var again = await publisher.PublishAsync(request, CancellationToken.None);
        var other = await publisher.PublishAsync(request with { IdempotencyKey = "pub-43" }, CancellationToken.None);

        again.ExternalId.Should().Be(first.ExternalId);
        other.ExternalId.Should().NotBe(first.ExternalId);
        _server.OwnStatusCount.Should().Be(before + 2);
        _server.Requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey).Should().Equal("pub-42-attempt", "pub-42-attempt", "pub-43");
        first.Url.Should().EndWith("/" + first.ExternalId);
    }

    [Fact]
    public async Task Publish_AnswerLostAfterTheInstanceCreatedIt_RetryReturnsTheSameStatus()
    {
        await using var session = await TestMastodon.ConnectAsync(_server);
        var publisher = (IPublishSession)session;
        var before = _server.OwnStatusCount;
        var request = new PublishRequest(FakeMastodonData.MeId, "Closed on Monday", "pub-77");
        _server.DropNextPostAnswer = true;

        var lost = await Record.ExceptionAsync(() => publisher.PublishAsync(request, CancellationToken.None));
        var retried = await publisher.PublishAsync(request, CancellationToken.None);

        lost.Should().BeAssignableTo<HttpRequestException>("the host treats it as a network error and retries with the same key");
        _server.OwnStatusCount.Should().Be(before + 1);
        _server.Data.OwnStatuses[^1]["id"]!.GetValue<string>().Should().Be(retried.ExternalId);
    }

    [Fact]
    public async Task Reply_ToADirectMessage_StaysDirectAndMentionsTheAuthor_OnceAcrossRetries()
    {
        await using var session = await TestMastodon.ConnectAsync(_server);
        var replier = (IReplySession)session;
        var question = _server.Data.Conversations[0].Thread[0];
        var author = question["account"]!["acct"]!.GetValue<string>();
        var request = new ReplyRequest(FakeMastodonData.MeId, question["id"]!.GetValue<string>(), "It ships tomorrow.", "reply-9")
        {
            ConversationExternalId = _server.Data.Conversations[0].Id,
        };

        var first = await replier.ReplyAsync(request, CancellationToken.None);
        var second = await replier.ReplyAsync(request, CancellationToken.None);

        second.ExternalId.Should().Be(first.ExternalId);
        var created = _server.Data.OwnStatuses.Single(s => s["id"]!.GetValue<string>() == first.ExternalId);
        created["visibility"]!.GetValue<string>().Should().Be("direct");
        created["in_reply_to_id"]!.GetValue<string>().Should().Be(request.InReplyToExternalId);
        created["content"]!.GetValue<string>().Should().Be($"<p>@{author} It ships tomorrow.</p>");
    }

    [Fact]
    public async Task Reply_ToAFavourite_IsRefusedWithAClearMessage()
    {
        await using var session = await TestMastodon.ConnectAsync(_server);

        var refused = await Assert.ThrowsAsync<PluginException>(() => ((IReplySession)session).ReplyAsync(
            new ReplyRequest(FakeMastodonData.MeId, "favourite:971724:112348771840263172", "thanks", "k1"), CancellationToken.None));

        refused.Kind.Should().Be(PluginFailureKind.Permanent);
        refused.Message.Should().Contain("only comments, mentions, quotes and messages can be answered");
        _server.Requests.Should().NotContain(r => r.Method == "POST");
    }

    [Fact]
    public async Task Publish_AsAnotherAccount_IsRefused()
    {
        await using var session = await TestMastodon.ConnectAsync(_server);

        var refused = await Assert.ThrowsAsync<PluginException>(() => ((IPublishSession)session).PublishAsync(
            new PublishRequest("someone-else", "hi", "k2"), CancellationToken.None));

        refused.Kind.Should().Be(PluginFailureKind.Permanent);
        refused.Message.Should().Contain(FakeMastodonData.MeId);
    }
}
