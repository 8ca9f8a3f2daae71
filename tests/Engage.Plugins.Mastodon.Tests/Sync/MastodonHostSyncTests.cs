using Engage.Host.Sync;
using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Plugins.Mastodon.Tests.Support;

namespace Engage.Plugins.Mastodon.Tests.Sync;

/// <summary>The Mastodon connector through the host's real sync path: runner, invoker, batch writer and SQLite.</summary>
public sealed class MastodonHostSyncTests : IAsyncLifetime
{
    private FakeMastodonServer _server = null!;
    private HostSync _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeMastodonServer.StartAsync();
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
        (await _host.ScalarAsync("SELECT FollowersCount FROM Accounts")).Should().Be(1843L);
        (await _host.ScalarAsync("SELECT Followers FROM AccountDailyStats")).Should().Be(1843L);
        (await _host.ScalarAsync("SELECT Date FROM AccountDailyStats")).Should().Be("2026-06-01", "the snapshot is dated in the workspace's time zone");
        (await _host.CountAsync("Posts")).Should().Be(_server.Data.OwnStatuses.Count(s => (string?)s["visibility"] != "direct"));
        (await _host.CountAsync("Conversations")).Should().BeGreaterThanOrEqualTo(_server.Data.Conversations.Count);
        (await _host.CountAsync("Interactions", "Kind = 'Message' AND Direction = 'Outbound' AND ConversationId IS NOT NULL")).Should().BeGreaterThan(0);
        (await _host.CountAsync("Interactions", "Kind = 'Comment' AND PostId IS NOT NULL")).Should().BeGreaterThan(0, "comments point at the post they answer");
        (await _host.CountAsync("Interactions", "Kind = 'Message' AND Direction = 'Inbound' AND ResponseSeconds IS NOT NULL"))
            .Should().BeGreaterThan(0, "the account's answers in a thread give response times");
        (await _host.ScalarAsync("SELECT Text FROM Posts WHERE ExternalId = '" + FakeMastodonData.OwnStatusId(1) + "'")).Should().Be(FakeMastodonData.PersianText);
        (await _host.CountAsync("Contacts")).Should().BeGreaterThanOrEqualTo(_server.Data.Followers.Count);
    }

    [Fact]
    public async Task Sync_FailsHalfwayOnMalformedJson_KeepsWhatItCommittedAndResumesFromTheStoredCursor()
    {
        var connection = await _host.AddConnectionAsync(_server);
        _server.Malform(p => p.StartsWith("/api/v1/notifications", StringComparison.Ordinal) && p.Contains("max_id=", StringComparison.Ordinal));

        var failed = await _host.RunAsync(connection);

        failed.Outcome.RunStatus.Should().Be("Failed");
        failed.Outcome.ConnectionStatus.Should().Be(ConnectionStatus.Retrying);
        failed.Outcome.Error.Should().Contain("not valid JSON").And.Contain("Nothing of that answer was stored");
        var posts = await _host.CountAsync("Posts");
        posts.Should().Be(_server.Data.OwnStatuses.Count(s => (string?)s["visibility"] != "direct"), "the statuses were committed before the failure");
        var interactionsAfterFailure = await _host.CountAsync("Interactions", "Direction = 'Inbound'");
        interactionsAfterFailure.Should().BeGreaterThan(0, "the first notifications page was committed");
        var cursor = (string)(await _host.ScalarAsync($"SELECT Cursor FROM Connections WHERE Id = {connection}"))!;
        cursor.Should().Contain("\"phase\":\"Notifications\"");
        StoredPage(cursor).Should().Contain("max_id=");
        var before = _server.Requests.Count;

        var resumed = await _host.RunAsync(connection);

        resumed.Outcome.RunStatus.Should().Be("Succeeded", resumed.Outcome.Error);
        var asked = _server.Requests.Skip(before).Select(r => r.PathAndQuery).ToList();
        asked.Where(p => !p.Contains("verify_credentials", StringComparison.Ordinal)).First()
            .Should().Be(new Uri(StoredPage(cursor)).PathAndQuery, "the resumed run asks for the failed page first");
        asked.Should().NotContain(p => p.Contains("/statuses?", StringComparison.Ordinal), "the statuses were not read again");
        (await _host.CountAsync("Posts")).Should().Be(posts);
        (await _host.CountAsync("Interactions", "Direction = 'Inbound'")).Should().BeGreaterThan(interactionsAfterFailure);
    }

    [Fact]
    public async Task Sync_TokenRefused_MarksTheConnectionAsNeedingCredentials_WithoutRetrying()
    {
        const string revoked = "tok_revoked_9Qm2Lx7Fd1Zp";
        var connection = await _host.AddConnectionAsync(_server, revoked);

        var result = await _host.RunAsync(connection);

        result.Outcome.ConnectionStatus.Should().Be(ConnectionStatus.NeedsCredentials);
        result.Outcome.NextSyncAt.Should().BeNull("no retry until the credentials change");
        result.Outcome.Error.Should().Contain("refused the access token").And.Contain("read:statuses").And.NotContain(revoked);
        _host.Log.Contains(revoked).Should().BeFalse("the token is never logged");
        (await _host.ScalarAsync($"SELECT Status FROM Connections WHERE Id = {connection}")).Should().Be(ConnectionStatus.NeedsCredentials);
        _server.Requests.Should().ContainSingle("one refused verify_credentials, no crash loop");
    }

    private static string StoredPage(string cursor)
    {
        using var document = System.Text.Json.JsonDocument.Parse(cursor);
        return document.RootElement.GetProperty("page").GetString()!;
    }

    /// <summary>A 429 with a far reset: the run pauses (not a failure) and resumes after the reset.</summary>
    [Fact]
    public async Task Sync_ThrottledHalfwayWithAFarReset_PausesUntilTheResetKeepingWhatItStored_ThenResumes()
    {
        var connection = await _host.AddConnectionAsync(_server);
        _server.Throttle(p => p.StartsWith("/api/v1/notifications", StringComparison.Ordinal) && p.Contains("max_id=", StringComparison.Ordinal),
            1, TimeSpan.FromMinutes(4));
        var started = _host.Clock.GetUtcNow();

        var limited = await _host.RunAsync(connection);

        limited.Outcome.RunStatus.Should().Be("RateLimited", limited.Outcome.Error);
        limited.Outcome.ConnectionStatus.Should().Be(ConnectionStatus.RateLimited);
        limited.Outcome.Error.Should().Contain("rate limiting this account").And.Contain("Kept what it stored before the limit");
        limited.Outcome.NextSyncAt.Should().BeAfter(started.AddMinutes(3)).And.BeOnOrBefore(started.AddMinutes(4).AddSeconds(2), "the instance's reset");
        limited.ItemsFetched.Should().BePositive();
        (await _host.ScalarAsync($"SELECT Status || ',' || ConsecutiveFailures || ',' || (LastError IS NULL) FROM Connections WHERE Id = {connection}"))
            .Should().Be("RateLimited,0,1");
        (await _host.ScalarAsync($"SELECT Status || ',' || ItemsFetched FROM SyncRuns WHERE Id = {limited.RunId}")).Should().Be($"RateLimited,{limited.ItemsFetched}");
        var posts = await _host.CountAsync("Posts");
        posts.Should().Be(_server.Data.OwnStatuses.Count(s => (string?)s["visibility"] != "direct"), "the statuses were committed before the limit");
        var throttled = _server.Requests.Single(r => r.Status == 429).PathAndQuery;
        var before = _server.Requests.Count;

        _server.SetWindow(FakeMastodonServer.RateLimitLimit, TimeSpan.FromMinutes(5)); // the window reset
        _host.Clock.Advance(TimeSpan.FromMinutes(4));
        var resumed = await _host.RunAsync(connection);

        resumed.Outcome.RunStatus.Should().Be("Succeeded", resumed.Outcome.Error);
        _server.Requests.Skip(before).Select(r => r.PathAndQuery).Where(p => !p.Contains("verify_credentials", StringComparison.Ordinal)).First()
            .Should().Be(throttled, "the resumed run asks again for the page the instance refused");
        (await _host.CountAsync("Posts")).Should().Be(posts);
        (await _host.ScalarAsync($"SELECT Status || ',' || ConsecutiveFailures FROM Connections WHERE Id = {connection}")).Should().Be("Active,0");
    }
}
