using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Plugins.Bluesky.Tests.Support;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Testing.Sync;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Bluesky.Tests.Connector;

/// <summary>XRPC error bodies and broken answers become classified failures with clear messages; nothing of a broken page is kept.</summary>
public sealed class BlueskyErrorTests : IAsyncLifetime
{
    private FakePds _server = null!;

    public async Task InitializeAsync() => _server = await FakePds.StartAsync(FakePdsData.Seed(posts: 30, notifications: 30, followers: 10));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MalformedJson_FailsTransient_AndThePageIsNotStored()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        _server.Malform(p => p.Contains("listNotifications", StringComparison.Ordinal));
        var items = new InMemoryItemStore();

        var run = await PullDriver.RunAsync((IPullSession)session, new InMemoryCursorStore(), items);

        var failure = run.Failure.Should().BeAssignableTo<PluginException>().Subject;
        failure.Kind.Should().Be(PluginFailureKind.Transient);
        failure.Message.Should().Contain("not valid XRPC JSON").And.Contain("Nothing of that page was stored");
        items.Interactions.Values.Should().NotContain(i => i.Direction == Engage.Sdk.Items.InteractionDirection.Inbound);
        items.Posts.Should().NotBeEmpty("the feed pages before it were committed");
    }

    [Fact]
    public async Task AnswerMissingItsList_FailsTransient_NamingWhatIsMissing()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        _server.Script(p => p.Contains("getFollowers", StringComparison.Ordinal), http =>
        {
            http.Response.ContentType = "application/json";
            return http.Response.WriteAsync("{\"subject\":{},\"cursor\":\"x\"}");
        });

        var run = await PullDriver.RunAsync((IPullSession)session, new InMemoryCursorStore(), null);

        run.Failure.Should().BeAssignableTo<PluginException>().Which.Message.Should().Contain("'followers'").And.Contain("Nothing of that page was stored");
    }

    [Fact]
    public async Task XrpcErrorBody_IsQuotedWithItsNameAndMessage()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        _server.Script(p => p.Contains("getAuthorFeed", StringComparison.Ordinal), http =>
        {
            http.Response.StatusCode = 400;
            http.Response.ContentType = "application/json";
            return http.Response.WriteAsync("{\"error\":\"BlockedActor\",\"message\":\"Requester has blocked actor\"}");
        });

        var run = await PullDriver.RunAsync((IPullSession)session, new InMemoryCursorStore(), null);

        var failure = run.Failure.Should().BeAssignableTo<PluginException>().Subject;
        failure.Kind.Should().Be(PluginFailureKind.Permanent);
        failure.Message.Should().Contain("app.bsky.feed.getAuthorFeed").And.Contain("BlockedActor: Requester has blocked actor");
    }

    [Fact]
    public async Task ServerError_IsTransient()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        _server.Script(p => p.Contains("getAuthorFeed", StringComparison.Ordinal), http =>
        {
            http.Response.StatusCode = 502;
            return http.Response.WriteAsync("<html>Bad gateway</html>");
        });

        var run = await PullDriver.RunAsync((IPullSession)session, new InMemoryCursorStore(), null);

        run.Failure.Should().BeAssignableTo<PluginException>().Which.Kind.Should().Be(PluginFailureKind.Transient);
    }

    [Fact]
    public async Task Unauthorized_WithRefreshAndSignInRefused_IsCredentialsInvalid()
    {
        var context = TestBluesky.Context(_server);
        await using var session = await TestBluesky.ConnectAsync(_server, context);
        _server.RevokeRefreshTokens();
        _server.AcceptedPassword = "changed-elsewhere";
        _server.Script(p => p.Contains("getAuthorFeed", StringComparison.Ordinal), http =>
        {
            http.Response.StatusCode = 401;
            http.Response.ContentType = "application/json";
            return http.Response.WriteAsync("{\"error\":\"AuthenticationRequired\",\"message\":\"Authentication Required\"}");
        });

        var run = await PullDriver.RunAsync((IPullSession)session, new InMemoryCursorStore(), null);

        run.Failure.Should().BeAssignableTo<PluginException>().Which.Kind.Should().Be(PluginFailureKind.CredentialsInvalid);
        _server.Requests.Select(r => r.Nsid).Should().ContainInOrder("app.bsky.feed.getAuthorFeed", "com.atproto.server.refreshSession", "com.atproto.server.createSession");
        context.Log.Contains(FakePds.Password).Should().BeFalse();
    }

    [Fact]
    public async Task Connect_ToSomethingThatIsNotAPds_SaysSo()
    {
        _server.Script(p => p.Contains("createSession", StringComparison.Ordinal), http =>
        {
            http.Response.StatusCode = 404;
            return http.Response.WriteAsync("Not Found");
        });

        var failure = await Assert.ThrowsAnyAsync<PluginException>(() => TestBluesky.ConnectAsync(_server));

        failure.Kind.Should().Be(PluginFailureKind.Permanent);
        failure.Message.Should().Contain("is not an AT Protocol PDS").And.Contain("https://bsky.social");
    }
}
