using System.Text;
using Engage.Plugins.Bluesky.Publishing;
using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Plugins.Bluesky.Tests.Support;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Bluesky.Tests.Connector;

/// <summary>Publishing and replying with a record key derived from the idempotency key: a retry never posts twice.</summary>
public sealed class BlueskyPublishTests : IAsyncLifetime
{
    private FakePds _server = null!;

    public async Task InitializeAsync() => _server = await FakePds.StartAsync(FakePdsData.Seed(posts: 12, notifications: 10, followers: 3));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Publish_RetriedWithTheSameKey_PostsOnce_WithByteFacets()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        var publisher = (IPublishSession)session;
        const string text = "ساعات کاری بهار 🌷 with @partner.example.com https://example.com/hours";
        var request = new PublishRequest(FakePdsData.MeDid, text, "pub-42-attempt") { Language = "fa" };

        var first = await publisher.PublishAsync(request, CancellationToken.None);
        var again = await publisher.PublishAsync(request, CancellationToken.None);
        var other = await publisher.PublishAsync(request with { IdempotencyKey = "pub-43" }, CancellationToken.None);

        again.ExternalId.Should().Be(first.ExternalId);
        other.ExternalId.Should().NotBe(first.ExternalId);
        _server.Data.Created.Should().HaveCount(2);
        first.ExternalId.Should().Be($"at://{FakePdsData.MeDid}/app.bsky.feed.post/{Tid.FromKey("pub-42-attempt")}");
        first.Url.Should().Be($"https://bsky.app/profile/{FakePdsData.MeHandle}/post/{Tid.FromKey("pub-42-attempt")}");
        var record = _server.Data.Created[Tid.FromKey("pub-42-attempt")]["value"]!;
        record["text"]!.GetValue<string>().Should().Be(text);
        record["langs"]![0]!.GetValue<string>().Should().Be("fa");
        var bytes = Encoding.UTF8.GetBytes(text);
        var covered = record["facets"]!.AsArray().Select(f => Encoding.UTF8.GetString(bytes,
            f!["index"]!["byteStart"]!.GetValue<int>(), f["index"]!["byteEnd"]!.GetValue<int>() - f["index"]!["byteStart"]!.GetValue<int>())).ToList();
        covered.Should().Equal("@partner.example.com", "https://example.com/hours");
    }

    [Fact]
    public async Task Publish_AnswerLostAfterThePdsCreatedIt_RetryReturnsTheSameRecord()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        var publisher = (IPublishSession)session;
        var request = new PublishRequest(FakePdsData.MeDid, "Closed on Monday", "pub-77");
        _server.DropNextCreateAnswer = true;

        var lost = await Record.ExceptionAsync(() => publisher.PublishAsync(request, CancellationToken.None));
        var retried = await publisher.PublishAsync(request, CancellationToken.None);

        lost.Should().BeAssignableTo<HttpRequestException>("the host treats it as a network error and retries with the same key");
        _server.Data.Created.Should().ContainSingle();
        retried.ExternalId.Should().Be(_server.Data.Created.Values.Single()["uri"]!.GetValue<string>());
        _server.Requests.Should().Contain(r => r.Nsid == "com.atproto.repo.getRecord", "the refused duplicate is checked to be the same post");
    }

    [Fact]
    public async Task Publish_SameKeyDifferentText_IsRefused_NothingPostedTwice()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        var publisher = (IPublishSession)session;
        await publisher.PublishAsync(new PublishRequest(FakePdsData.MeDid, "First text", "pub-9"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PluginException>(() => publisher.PublishAsync(new PublishRequest(FakePdsData.MeDid, "Other text", "pub-9"), CancellationToken.None));

        refused.Kind.Should().Be(PluginFailureKind.Permanent);
        refused.Message.Should().Contain("different post");
        _server.Data.Created.Should().ContainSingle();
    }

    [Fact]
    public async Task Reply_ToACommentOnAReply_CarriesTheThreadsRootAndTheParent_OnceAcrossRetries()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        var replier = (IReplySession)session;
        var parent = _server.Data.Feed[5]["post"]!;
        var root = parent["record"]!["reply"]!["root"]!;
        var request = new ReplyRequest(FakePdsData.MeDid, parent["uri"]!.GetValue<string>(), "It ships tomorrow 📦", "reply-9");

        var first = await replier.ReplyAsync(request, CancellationToken.None);
        var second = await replier.ReplyAsync(request, CancellationToken.None);

        second.ExternalId.Should().Be(first.ExternalId);
        var reply = _server.Data.Created.Values.Single()["value"]!["reply"]!;
        reply["parent"]!["uri"]!.GetValue<string>().Should().Be(parent["uri"]!.GetValue<string>());
        reply["parent"]!["cid"]!.GetValue<string>().Should().Be(parent["cid"]!.GetValue<string>());
        reply["root"]!["uri"]!.GetValue<string>().Should().Be(root["uri"]!.GetValue<string>(), "the root of the answered post's thread, not the parent");
        reply["root"]!["cid"]!.GetValue<string>().Should().Be(root["cid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_ToALike_IsRefusedWithAClearMessage_WithoutAnyWrite()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);

        var refused = await Assert.ThrowsAsync<PluginException>(() => ((IReplySession)session).ReplyAsync(
            new ReplyRequest(FakePdsData.MeDid, $"like:did:plc:fan0000:{FakePdsData.OwnPostUri(0)}", "thanks", "k1"), CancellationToken.None));

        refused.Kind.Should().Be(PluginFailureKind.Permanent);
        refused.Message.Should().Contain("only comments, mentions and quotes can be answered");
        _server.Requests.Should().NotContain(r => r.Nsid == "com.atproto.repo.createRecord");
    }

    [Fact]
    public async Task Publish_AsAnotherAccount_IsRefused()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);

        var refused = await Assert.ThrowsAsync<PluginException>(() => ((IPublishSession)session).PublishAsync(
            new PublishRequest("did:plc:someoneelse", "hi", "k2"), CancellationToken.None));

        refused.Kind.Should().Be(PluginFailureKind.Permanent);
        refused.Message.Should().Contain(FakePdsData.MeDid);
    }

    [Theory]
    [InlineData("pub-1")]
    [InlineData("a much longer idempotency key 🌱 with unicode")]
    public void Tid_FromKey_IsDeterministicAndHasTheTidSyntax(string key)
    {
        Tid.FromKey(key).Should().Be(Tid.FromKey(key));
        Tid.IsValid(Tid.FromKey(key)).Should().BeTrue();
        Tid.FromKey(key + "x").Should().NotBe(Tid.FromKey(key));
    }
}
