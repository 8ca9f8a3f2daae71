using Engage.Host.Plugins;
using Engage.Host.Sync;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Host.Tests.Sync;

public sealed class SyncSchedulerTests
{
    [Fact]
    public async Task RunDueAsync_RepeatedTransientFailures_BacksOffExponentiallyThenRecovers()
    {
        using var harness = await SyncHarness.CreateAsync();
        var connector = new ScriptedConnector(ScriptedConnector.Numbered(1))
        {
            ConnectFailure = new PluginException("503 from the network", PluginFailureKind.Transient),
        };
        await harness.UsePluginsAsync(("test.scripted", connector));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted");

        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var started = await harness.Scheduler.RunDueAsync(CancellationToken.None);
            started.Should().HaveCount(1);
            await Task.WhenAll(started);
            var next = (string)(await harness.Db.ScalarAsync("SELECT NextSyncAt FROM Connections"))!;
            var delay = DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture) - harness.Time.GetUtcNow();
            delays.Add(delay);
            (await harness.Scheduler.RunDueAsync(CancellationToken.None)).Should().BeEmpty("nothing is due before the back-off ends");
            harness.Time.Advance(delay);
        }

        delays.Should().Equal(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240));
        (await harness.RecordAsync(connection)).Status.Should().Be(ConnectionStatus.Retrying);

        connector.ConnectFailure = null;
        await Task.WhenAll(await harness.Scheduler.RunDueAsync(CancellationToken.None));

        var record = await harness.RecordAsync(connection);
        record.Status.Should().Be(ConnectionStatus.Active);
        record.ConsecutiveFailures.Should().Be(0);
    }

    [Fact]
    public async Task RunDueAsync_RateLimited_WaitsForTheNetworksReset()
    {
        using var harness = await SyncHarness.CreateAsync();
        var connector = new ScriptedConnector(ScriptedConnector.Numbered(1))
        {
            ConnectFailure = new PluginException("429 Too many requests", PluginFailureKind.RateLimited, TimeSpan.FromMinutes(5)),
        };
        await harness.UsePluginsAsync(("test.scripted", connector));
        await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted");

        await Task.WhenAll(await harness.Scheduler.RunDueAsync(CancellationToken.None));

        (await harness.Db.ScalarAsync("SELECT NextSyncAt FROM Connections")).Should().Be("2026-06-01T08:05:00.0000000Z");
    }

    [Fact]
    public async Task RunDueAsync_OnePluginFaulting_IsQuarantinedWhileOthersKeepSyncing()
    {
        using var harness = await SyncHarness.CreateAsync();
        var plugins = await harness.UsePluginsAsync(
            ("test.broken", new BrokenConnector()),
            ("test.scripted", new ScriptedConnector(ScriptedConnector.Numbered(1))));
        var workspace = await harness.Db.AddWorkspaceAsync();
        var broken = await harness.Db.AddConnectionAsync(workspace, "test.broken", "broken", intervalSeconds: 60);
        var healthy = await harness.Db.AddConnectionAsync(workspace, "test.scripted", "scripted", intervalSeconds: 60);

        for (var round = 0; round < 6; round++)
        {
            await Task.WhenAll(await harness.Scheduler.RunDueAsync(CancellationToken.None));
            harness.Time.Advance(TimeSpan.FromMinutes(30));
        }

        plugins[0].Status.Should().Be(PluginStatus.Quarantined);
        plugins[0].Reason.Should().Contain("NullReferenceException");
        (await harness.RecordAsync(broken)).Status.Should().Be(ConnectionStatus.PluginQuarantined);
        (await harness.RecordAsync(healthy)).Status.Should().Be(ConnectionStatus.Active);
        (await harness.Db.ScalarAsync("SELECT COUNT(*) FROM SyncRuns WHERE ConnectionId = @c AND Status = 'Succeeded'", ("@c", healthy)))
            .Should().Be(6L, "the healthy connection ran every round");
        await Task.Delay(200); // the quarantine is mirrored into the Plugins table in the background
        (await harness.Db.ScalarAsync("SELECT Status FROM Plugins WHERE Id = 'test.broken'")).Should().Be("Quarantined");
    }

    [Fact]
    public async Task RunNowAsync_WhileRunning_NeverRunsTheSameConnectionTwice()
    {
        using var harness = await SyncHarness.CreateAsync();
        var slow = new SlowConnector();
        await harness.UsePluginsAsync(("test.slow", slow));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.slow", "slow");

        var first = harness.Scheduler.RunNowAsync(connection, CancellationToken.None);
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var due = await harness.Scheduler.RunDueAsync(CancellationToken.None);
        var second = harness.Scheduler.RunNowAsync(connection, CancellationToken.None);
        slow.Release.SetResult();
        var results = await Task.WhenAll(first, second);

        due.Should().BeEmpty("the connection is already running");
        results[0]!.RunId.Should().Be(results[1]!.RunId);
        slow.Sessions.Should().Be(1);
    }

    private sealed class BrokenConnector : IConnector
    {
        public ConnectorInfo Info { get; } = new("broken", "Broken", "test", ConnectorCapabilities.Pull);

        public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings) => [];

        public Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken)
        {
            throw new NullReferenceException("Object reference not set to an instance of an object.");
        }
    }

    private sealed class SlowConnector : IConnector, IPullSession
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Sessions { get; private set; }
        public ConnectorInfo Info { get; } = new("slow", "Slow", "test", ConnectorCapabilities.Pull);

        public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings) => [];

        public Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken)
        {
            Sessions++;
            Started.TrySetResult();
            return Task.FromResult<IConnectorSession>(this);
        }

        public async Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
        {
            await Release.Task.WaitAsync(cancellationToken);
            return new SyncBatch();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
