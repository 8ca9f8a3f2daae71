using Engage.Host.Sync;
using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Plugins.Bluesky.Tests.Support;

namespace Engage.Plugins.Bluesky.Tests.Sync;

/// <summary>The Bluesky connector through the host's real sync path: runner, invoker, encrypted secret store, batch writer and SQLite.</summary>
public sealed class BlueskyHostSyncTests : IAsyncLifetime
{
    private FakePds _server = null!;
    private HostSync _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakePds.StartAsync(FakePdsData.Seed(posts: 60, notifications: 70, followers: 40));
        _host = await HostSync.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Sync_ThroughTheHost_FillsTheProductModel()
    {
        var connection = await _host.AddConnectionAsync(_server);

        var result = await _host.RunAsync(connection);

        result.Outcome.RunStatus.Should().Be("Succeeded", result.Outcome.Error);
        (await _host.ScalarAsync("SELECT FollowersCount FROM Accounts")).Should().Be(FakePdsData.FollowersCount);
        (await _host.ScalarAsync("SELECT Followers FROM AccountDailyStats")).Should().Be(FakePdsData.FollowersCount);
        (await _host.CountAsync("Posts")).Should().Be(60);
        (await _host.ScalarAsync($"SELECT Text FROM Posts WHERE ExternalId = '{FakePdsData.OwnPostUri(1)}'")).Should().Be(FakePdsData.RtlText);
        (await _host.ScalarAsync($"SELECT Likes FROM Posts WHERE ExternalId = '{FakePdsData.OwnPostUri(2)}'")).Should().BeNull("a missing count stays unknown");
        (await _host.CountAsync("Interactions", "Kind = 'Comment' AND PostId IS NOT NULL")).Should().BeGreaterThan(0, "comments point at the post they answer");
        (await _host.CountAsync("Interactions", "Kind = 'Reply' AND Direction = 'Outbound'")).Should().Be(Enumerable.Range(0, 60).Count(i => i % 6 == 5 && i % 10 != 9), "every reply of the account to a customer");
        (await _host.CountAsync("Contacts")).Should().BeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public async Task SeveralRuns_SignInOnce_TheSessionIsStoredEncryptedAndReused()
    {
        var connection = await _host.AddConnectionAsync(_server);

        for (var i = 0; i < 3; i++)
        {
            (await _host.RunAsync(connection)).Outcome.RunStatus.Should().Be("Succeeded");
        }

        _server.Count("com.atproto.server.createSession").Should().Be(1);
        var stored = (byte[])(await _host.ScalarAsync($"SELECT Secrets FROM Connections WHERE Id = {connection}"))!;
        System.Text.Encoding.UTF8.GetString(stored).Should().NotContain("eyJ", "the tokens are stored encrypted");
    }

    [Fact]
    public async Task Sync_FailsHalfwayOnMalformedJson_KeepsWhatItCommittedAndResumesFromTheStoredCursor()
    {
        var connection = await _host.AddConnectionAsync(_server);
        _server.Malform(p => p.Contains("listNotifications", StringComparison.Ordinal) && p.Contains("cursor=", StringComparison.Ordinal));

        var failed = await _host.RunAsync(connection);

        failed.Outcome.RunStatus.Should().Be("Failed");
        failed.Outcome.ConnectionStatus.Should().Be(ConnectionStatus.Retrying);
        failed.Outcome.Error.Should().Contain("not valid XRPC JSON").And.Contain("Nothing of that page was stored");
        (await _host.CountAsync("Posts")).Should().Be(60, "the feed was committed before the failure");
        var interactionsAfterFailure = await _host.CountAsync("Interactions", "Direction = 'Inbound'");
        interactionsAfterFailure.Should().BeGreaterThan(0, "the first notifications page was committed");
        var cursor = (string)(await _host.ScalarAsync($"SELECT Cursor FROM Connections WHERE Id = {connection}"))!;
        cursor.Should().Contain("\"phase\":\"Notifications\"").And.Contain("\"page\":\"2024-");
        var before = _server.Requests.Count;

        var resumed = await _host.RunAsync(connection);

        resumed.Outcome.RunStatus.Should().Be("Succeeded", resumed.Outcome.Error);
        var asked = _server.Requests.Skip(before).Where(r => r.Nsid != "app.bsky.actor.getProfile").ToList();
        asked[0].Nsid.Should().Be("app.bsky.notification.listNotifications");
        asked[0].PathAndQuery.Should().Contain("cursor=", "the resumed run asks for the failed page first");
        asked.Should().NotContain(r => r.Nsid == "app.bsky.feed.getAuthorFeed", "the feed was not read again");
        asked.Should().NotContain(r => r.Nsid == "com.atproto.server.createSession", "the stored session is reused");
        (await _host.CountAsync("Interactions", "Direction = 'Inbound'")).Should().BeGreaterThan(interactionsAfterFailure);
    }

    [Fact]
    public async Task RefreshRefused_AndAppPasswordRevoked_MarksTheConnectionAsNeedingCredentials()
    {
        var connection = await _host.AddConnectionAsync(_server);
        (await _host.RunAsync(connection)).Outcome.RunStatus.Should().Be("Succeeded");
        _server.ExpireAccessTokens();
        _server.RevokeRefreshTokens();
        _server.AcceptedPassword = "revoked-in-the-app";
        var before = _server.Requests.Count;

        var result = await _host.RunAsync(connection);

        result.Outcome.ConnectionStatus.Should().Be(ConnectionStatus.NeedsCredentials);
        result.Outcome.NextSyncAt.Should().BeNull("no retry until the credentials change");
        result.Outcome.Error.Should().Contain("app password").And.NotContain(FakePds.Password);
        _host.Log.Contains(FakePds.Password).Should().BeFalse("the app password is never logged");
        _host.Log.Contains("eyJhbGciOiJFUzI1NksifQ.access").Should().BeFalse("nor the session tokens");
        _server.Requests.Skip(before).Select(r => r.Nsid).Should().Equal(
            "app.bsky.actor.getProfile", "com.atproto.server.refreshSession", "com.atproto.server.createSession");
    }

    [Fact]
    public async Task WrongAppPassword_MarksTheConnectionAsNeedingCredentials_WithoutRetrying()
    {
        var connection = await _host.AddConnectionAsync(_server, "abcd-wrong-wrong-0000");

        var result = await _host.RunAsync(connection);

        result.Outcome.ConnectionStatus.Should().Be(ConnectionStatus.NeedsCredentials);
        result.Outcome.Error.Should().Contain("refused the handle").And.NotContain("abcd-wrong-wrong-0000");
        _server.Requests.Should().ContainSingle("one refused createSession, no crash loop");
    }
}
