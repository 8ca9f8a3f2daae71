using Engage.Plugins.Bluesky.Auth;
using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Plugins.Bluesky.Tests.Support;
using Engage.Sdk.Failures;
using Engage.Sdk.Testing.Sync;

namespace Engage.Plugins.Bluesky.Tests.Connector;

/// <summary>The session is created once, kept in the secret store and refreshed; a new one only when the refresh token is refused.</summary>
public sealed class BlueskySessionTests : IAsyncLifetime
{
    private FakePds _server = null!;

    public async Task InitializeAsync() => _server = await FakePds.StartAsync(FakePdsData.Seed(posts: 30, notifications: 30, followers: 30));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SeveralSyncs_CreateOneSession_AndKeepItInTheSecretStore()
    {
        var context = TestBluesky.Context(_server);
        var cursors = new InMemoryCursorStore();

        for (var i = 0; i < 4; i++)
        {
            (await TestBluesky.SyncAsync(_server, cursors, new InMemoryItemStore(), context)).Completed.Should().BeTrue();
        }

        _server.Count("com.atproto.server.createSession").Should().Be(1);
        context.FakeSecrets[SessionKeeper.AccessKey].Should().StartWith("eyJ");
        context.FakeSecrets[SessionKeeper.RefreshKey].Should().StartWith("eyJ");
        context.FakeSecrets[SessionKeeper.OwnerKey].Should().NotContain(FakePds.Password, "only a fingerprint of the app password is kept");
    }

    [Fact]
    public async Task ExpiredAccessToken_IsRefreshed_AndTheCallRepeated_WithoutANewSession()
    {
        var context = TestBluesky.Context(_server);
        await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), new InMemoryItemStore(), context);
        var oldRefresh = context.FakeSecrets[SessionKeeper.RefreshKey];
        _server.ExpireAccessTokens();
        var before = _server.Requests.Count;

        var run = await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), new InMemoryItemStore(), context);

        run.Failure.Should().BeNull();
        run.Completed.Should().BeTrue();
        var asked = _server.Requests.Skip(before).ToList();
        asked[0].Status.Should().Be(400, "the stored access token has expired");
        asked[1].Nsid.Should().Be("com.atproto.server.refreshSession");
        asked[1].Authorization.Should().Be("Bearer " + oldRefresh, "refreshSession takes the refresh token");
        asked[2].PathAndQuery.Should().Be(asked[0].PathAndQuery, "the refused call is repeated");
        asked[2].Status.Should().Be(200);
        _server.Count("com.atproto.server.createSession").Should().Be(1);
        context.FakeSecrets[SessionKeeper.RefreshKey].Should().NotBe(oldRefresh, "the rotated refresh token is stored for the next run");
    }

    [Fact]
    public async Task TwoSessionsOfOneConnection_OneRefreshes_TheOtherTakesTheStoredTokens()
    {
        var context = TestBluesky.Context(_server);
        await using var sync = await TestBluesky.ConnectAsync(_server, context);
        await using var publish = await TestBluesky.ConnectAsync(_server, context);
        _server.ExpireAccessTokens();

        (await PullDriver.RunAsync((Engage.Sdk.Connectors.IPullSession)sync, new InMemoryCursorStore())).Completed.Should().BeTrue();
        var posted = await ((Engage.Sdk.Connectors.IPublishSession)publish).PublishAsync(
            new Engage.Sdk.Connectors.PublishRequest(FakePdsData.MeDid, "Open on Sunday", "pub-sunday"), CancellationToken.None);

        posted.ExternalId.Should().StartWith("at://");
        _server.Count("com.atproto.server.refreshSession").Should().Be(1, "the second session uses the tokens the first one stored");
        _server.Count("com.atproto.server.createSession").Should().Be(1);
    }

    [Fact]
    public async Task RefreshTokenRefused_SignsInAgainWithTheAppPassword_Once()
    {
        var context = TestBluesky.Context(_server);
        await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), new InMemoryItemStore(), context);
        _server.ExpireAccessTokens();
        _server.RevokeRefreshTokens();

        var run = await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), new InMemoryItemStore(), context);

        run.Completed.Should().BeTrue();
        _server.Count("com.atproto.server.createSession").Should().Be(2);
        context.Log.Lines.Should().Contain(l => l.Message.Contains("refresh token was refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshRefused_AndAppPasswordRevoked_IsCredentialsInvalid_WithoutShowingIt()
    {
        var context = TestBluesky.Context(_server);
        await using var session = await TestBluesky.ConnectAsync(_server, context);
        _server.ExpireAccessTokens();
        _server.RevokeRefreshTokens();
        _server.AcceptedPassword = "new-pass-word-0000";

        var run = await PullDriver.RunAsync((Engage.Sdk.Connectors.IPullSession)session, new InMemoryCursorStore());
        run.Batches.Should().HaveCount(1, "the account batch needs no request");

        var failure = run.Failure.Should().BeAssignableTo<PluginException>().Subject;
        failure.Kind.Should().Be(PluginFailureKind.CredentialsInvalid);
        failure.Message.Should().Contain("app password").And.NotContain(FakePds.Password);
    }

    [Fact]
    public async Task ChangedAppPassword_StartsANewSession_InsteadOfUsingTheStoredOne()
    {
        var context = TestBluesky.Context(_server);
        await TestBluesky.SyncAsync(_server, new InMemoryCursorStore(), new InMemoryItemStore(), context);
        _server.AcceptedPassword = "zzzz-yyyy-xxxx-wwww";
        context.FakeSecrets[Engage.Plugins.Bluesky.Settings.BlueskySettings.AppPasswordKey] = "zzzz-yyyy-xxxx-wwww";

        await TestBluesky.ConnectAsync(_server, context);

        _server.Count("com.atproto.server.createSession").Should().Be(2);
    }

    [Theory]
    [InlineData("authFactor", PluginFailureKind.CredentialsInvalid, "app password")]
    [InlineData("takendown", PluginFailureKind.Permanent, "taken down")]
    [InlineData("deactivated", PluginFailureKind.Permanent, "deactivated")]
    public async Task Connect_AccountNotUsable_SaysWhy(string state, PluginFailureKind kind, string says)
    {
        _server.AccountState = state;

        var failure = await Assert.ThrowsAnyAsync<PluginException>(() => TestBluesky.ConnectAsync(_server));

        failure.Kind.Should().Be(kind);
        failure.Message.Should().Contain(says).And.Contain(FakePdsData.MeHandle);
    }
}
