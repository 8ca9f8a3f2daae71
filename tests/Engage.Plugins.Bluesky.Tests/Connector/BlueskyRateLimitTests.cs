using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Plugins.Bluesky.Tests.Support;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Testing.Sync;

namespace Engage.Plugins.Bluesky.Tests.Connector;

/// <summary>RateLimit-* (epoch-seconds reset) against the fake PDS: slowing down before 0, waiting for a close reset on 429, or handing a long wait to the host.</summary>
public sealed class BlueskyRateLimitTests : IAsyncLifetime
{
    private FakePds _server = null!;

    public async Task InitializeAsync() => _server = await FakePds.StartAsync(FakePdsData.Seed(posts: 30, notifications: 30, followers: 30));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Throttled_ResetInTwoSeconds_WaitsUntilTheResetThenCompletes()
    {
        var context = TestBluesky.Context(_server);
        await using var session = await TestBluesky.ConnectAsync(_server, context);
        _server.Throttle(1, TimeSpan.FromSeconds(2));

        var run = await PullDriver.RunAsync((IPullSession)session, new InMemoryCursorStore(), new InMemoryItemStore());

        run.Failure.Should().BeNull();
        run.Completed.Should().BeTrue();
        var requests = _server.Requests.ToList();
        var throttled = requests.Single(r => r.Status == 429);
        var retry = requests[requests.IndexOf(throttled) + 1];
        retry.PathAndQuery.Should().Be(throttled.PathAndQuery);
        (retry.At - throttled.At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), "the retry waited for RateLimit-Reset (whole epoch seconds)");
        context.Log.Lines.Should().ContainSingle(l => l.Message.Contains("answered 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttled_ResetFarAway_HandsTheWaitToTheHost_AsRateLimited()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        _server.Throttle(1, TimeSpan.FromMinutes(4));
        var before = _server.Requests.Count;

        var run = await PullDriver.RunAsync((IPullSession)session, new InMemoryCursorStore(), null);

        var failure = run.Failure.Should().BeOfType<PluginException>().Subject;
        failure.Kind.Should().Be(PluginFailureKind.RateLimited);
        failure.RetryAfter.Should().BeGreaterThan(TimeSpan.FromMinutes(3)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(2));
        failure.Message.Should().Contain("RateLimitExceeded").And.Contain("resumes");
        _server.Requests.Count.Should().Be(before + 1, "no request after the 429");
    }

    [Fact]
    public async Task FewRequestsLeft_LongBeforeTheReset_StopsBeforeReachingZero()
    {
        await using var session = await TestBluesky.ConnectAsync(_server);
        _server.SetWindow(remaining: 4, resetIn: TimeSpan.FromMinutes(5));
        var before = _server.Requests.Count;

        var run = await PullDriver.RunAsync((IPullSession)session, new InMemoryCursorStore(), null);

        run.Failure.Should().BeOfType<PluginException>().Which.Kind.Should().Be(PluginFailureKind.RateLimited);
        _server.Requests.Count.Should().Be(before + 1, "after an answer with 3 left of 3000, the connector waits instead of using them up");
        _server.Requests.Should().NotContain(r => r.Status == 429);
    }
}
