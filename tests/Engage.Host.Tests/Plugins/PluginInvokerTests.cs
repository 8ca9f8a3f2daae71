using System.Diagnostics;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;
using Engage.Host.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Engage.Host.Tests.Plugins;

/// <summary>Calls into real fixture plugins through the invoker: faults, classified failures, ignored cancellation.</summary>
public sealed class PluginInvokerTests : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    /// <summary>How late a timer continuation may run on a loaded 2-core machine (seen: almost 5 s).</summary>
    private static readonly TimeSpan SchedulingSlack = TimeSpan.FromSeconds(15);
    private readonly FixturePluginBuilder _fixtures = new();
    private readonly CapturingLoggerProvider _log = new();
    private readonly PluginInvoker _invoker;

    public PluginInvokerTests()
    {
        _invoker = new(new PluginInvokerOptions { CallTimeout = CallTimeout, CancellationGrace = Grace, QuarantineAfterFaults = 3 },
            new Logger<PluginInvoker>(new LoggerFactory([_log])));
    }

    [Fact]
    public async Task InvokeAsync_PullThrowingUnclassifiedException_IsAFaultAndQuarantinesAfterThreeInARow()
    {
        var (plugin, session) = await LoadAndConnectAsync("throw new InvalidOperationException(\"pull exploded\");");

        for (var call = 1; call <= 3; call++)
        {
            plugin.Status.Should().Be(PluginStatus.Loaded, $"only {call - 1} faults so far");
            var failure = (await FluentActions.Awaiting(() => PullAsync(plugin, session)).Should().ThrowAsync<PluginCallException>()).Which;
            failure.IsFault.Should().BeTrue();
            failure.PluginId.Should().Be("fixture.call");
            failure.Reason.Should().Contain("InvalidOperationException").And.Contain("pull exploded");
        }

        plugin.Status.Should().Be(PluginStatus.Quarantined);
        plugin.Reason.Should().Contain("Quarantined after 3 failures in a row").And.Contain("pull exploded");
        var refused = (await FluentActions.Awaiting(() => PullAsync(plugin, session)).Should().ThrowAsync<PluginUnavailableException>()).Which;
        refused.Status.Should().Be(PluginStatus.Quarantined);
    }

    [Fact]
    public async Task InvokeAsync_PullReportingRateLimit_PassesItThroughClassifiedWithoutCountingAFault()
    {
        var (plugin, session) = await LoadAndConnectAsync(
            "throw new PluginException(\"slow down\", PluginFailureKind.RateLimited, TimeSpan.FromSeconds(42));");

        for (var call = 0; call < 5; call++)
        {
            var failure = (await FluentActions.Awaiting(() => PullAsync(plugin, session)).Should().ThrowAsync<PluginCallException>()).Which;
            failure.IsFault.Should().BeFalse();
            failure.Kind.Should().Be(PluginFailureKind.RateLimited);
            failure.RetryAfter.Should().Be(TimeSpan.FromSeconds(42));
            failure.IsRetryable.Should().BeTrue();
            failure.Reason.Should().Be("slow down");
        }

        plugin.Status.Should().Be(PluginStatus.Loaded, "a failure the plugin classified is not its fault");
        plugin.ConsecutiveFaults.Should().Be(0);
        _log.Lines.Where(l => l.Contains("slow down", StringComparison.Ordinal)).Should().HaveCount(5)
            .And.AllSatisfy(l => l.Should().StartWith("Information").And.Contain("rate limited by the network (retry after 00:00:42)"),
                "a rate limit is a pause, not a warning");
    }

    [Fact]
    public async Task InvokeAsync_PullIgnoringCancellation_ReturnsAfterTimeoutPlusGraceAndTheHostKeepsWorking()
    {
        var (plugin, session) = await LoadAndConnectAsync("await Task.Delay(Timeout.Infinite); return new SyncBatch();");
        var watch = Stopwatch.StartNew();

        var failure = (await FluentActions.Awaiting(() => PullAsync(plugin, session)).Should().ThrowAsync<PluginCallException>()).Which;

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(CallTimeout + Grace - TimeSpan.FromMilliseconds(100))
            .And.BeLessThan(CallTimeout + Grace + SchedulingSlack);
        failure.IsFault.Should().BeTrue();
        failure.Reason.Should().Contain("ignored cancellation");
        plugin.ConsecutiveFaults.Should().Be(1);
        plugin.Status.Should().Be(PluginStatus.Loaded);
        await HostStillServesAnotherPluginAsync();
    }

    [Fact]
    public async Task InvokeAsync_PullBusyLoopingPastItsTimeout_ReturnsAfterTimeoutPlusGrace()
    {
        // The loop spins until the test drops the stop file (at most a minute), far past the bound asserted
        // below, so a regression that waits for the plugin shows; the slack absorbs a busy 2-core CI machine.
        var stopFile = Path.Combine(Path.GetTempPath(), "engage-busy-loop-" + Guid.NewGuid().ToString("N"));
        var (plugin, session) = await LoadAndConnectAsync($$"""
            await Task.Yield();
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until && !System.IO.File.Exists(@"{{stopFile}}")) { }
            return new SyncBatch();
            """);
        try
        {
            var watch = Stopwatch.StartNew();

            var failure = (await FluentActions.Awaiting(() => PullAsync(plugin, session)).Should().ThrowAsync<PluginCallException>()).Which;

            watch.Elapsed.Should().BeLessThan(CallTimeout + Grace + SchedulingSlack);
            failure.IsFault.Should().BeTrue();
            failure.Reason.Should().Contain("ignored cancellation");
        }
        finally
        {
            await File.WriteAllTextAsync(stopFile, "stop");
            await Task.Delay(500);
            File.Delete(stopFile);
        }
    }

    /// <summary>
    /// A plugin that blocks before handing back its task (sync-over-async, a blocking client call) must be
    /// bounded by the same timeout as one that blocks after its first await.
    /// </summary>
    [Fact]
    public async Task InvokeAsync_PullBlockingBeforeReturningItsTask_ReturnsAfterTimeoutPlusGrace()
    {
        var (plugin, session) = await LoadAndConnectAsync(syncPull: "Thread.Sleep(TimeSpan.FromSeconds(30)); return Task.FromResult(new SyncBatch());");
        var watch = Stopwatch.StartNew();

        var outcome = await Task.Run(async () =>
        {
            try
            {
                await PullAsync(plugin, session);
                return null;
            }
            catch (PluginCallException e)
            {
                return e;
            }
        });

        watch.Elapsed.Should().BeLessThan(CallTimeout + Grace + SchedulingSlack,
            "the invoker must bound a call that blocks before returning its task (it waited for the plugin instead)");
        outcome.Should().NotBeNull();
        outcome!.IsFault.Should().BeTrue();
    }

    public void Dispose() => _fixtures.Dispose();

    private Task<SyncBatch> PullAsync(LoadedPlugin plugin, IConnectorSession session) =>
        _invoker.InvokeAsync(plugin, "pull", ct => ((IPullSession)session).PullAsync(null, ct), CancellationToken.None);

    private async Task<(LoadedPlugin Plugin, IConnectorSession Session)> LoadAndConnectAsync(string? pull = null, string? syncPull = null)
    {
        _fixtures.AddPlugin("fixture.call", "call", FixtureSources.Plugin("call", pull: pull ?? FixtureSources.GoodPull, syncPull: syncPull));
        var plugin = (await _fixtures.LoadAllAsync()).Single(p => p.Id == "fixture.call");
        plugin.Status.Should().Be(PluginStatus.Loaded, plugin.Reason);
        var connector = plugin.Connectors.Single();
        var session = await _invoker.InvokeAsync(plugin, "connect", ct => connector.ConnectAsync(new FixtureConnectorContext(), ct), CancellationToken.None);
        return (plugin, session);
    }

    private async Task HostStillServesAnotherPluginAsync()
    {
        using var other = new FixturePluginBuilder();
        other.AddPlugin("fixture.after", "after", FixtureSources.Plugin("after"));
        var plugin = (await other.LoadAllAsync()).Single();
        var connector = plugin.Connectors.Single();
        var session = await _invoker.InvokeAsync(plugin, "connect", ct => connector.ConnectAsync(new FixtureConnectorContext(), ct), CancellationToken.None);
        var batch = await _invoker.InvokeAsync(plugin, "pull", ct => ((IPullSession)session).PullAsync(null, ct), CancellationToken.None);
        batch.Accounts.Should().ContainSingle().Which.ExternalId.Should().Be("acc-1");
    }
}
