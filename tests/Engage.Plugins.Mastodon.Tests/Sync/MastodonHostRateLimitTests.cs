using Engage.Host.Sync;
using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Plugins.Mastodon.Tests.Support;

namespace Engage.Plugins.Mastodon.Tests.Sync;

/// <summary>A 429 with a far reset, through the host's real sync path: the run pauses (not a failure) and resumes after the reset.</summary>
public sealed class MastodonHostRateLimitTests : IAsyncLifetime
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
