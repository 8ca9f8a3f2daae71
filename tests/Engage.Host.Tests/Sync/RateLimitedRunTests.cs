using Engage.Host.Sync;
using Engage.Host.Tests.Audit;
using Engage.Sdk.Failures;

namespace Engage.Host.Tests.Sync;

/// <summary>A run the network rate-limits is a pause, not a failure: data kept, no failure counted, due again at the reset.</summary>
public sealed class RateLimitedRunTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_RateLimitedAfterTwoBatches_KeepsTheDataAndPausesUntilTheResetWithoutCountingAFailure()
    {
        using var harness = await SyncHarness.CreateAsync();
        var connector = new ScriptedConnector(ScriptedConnector.Numbered(5))
        {
            FailBeforeBatch = 2, FailureKind = PluginFailureKind.RateLimited, FailureRetryAfter = TimeSpan.FromMinutes(7),
        };
        await harness.UsePluginsAsync(("test.scripted", connector));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted", intervalSeconds: 600);
        await harness.Db.ScalarAsync("UPDATE Connections SET Status = 'Retrying', ConsecutiveFailures = 2, LastError = 'earlier 503'");
        var auditBefore = await AuditRows.LastIdAsync(harness.Db.Folder);

        var limited = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        limited.Outcome.RunStatus.Should().Be("RateLimited");
        limited.ItemsFetched.Should().Be(8, "two batches of an account, a post and two interactions were committed");
        limited.EarliestDate.Should().Be(new DateOnly(2026, 1, 1), "the metrics are recomputed over what the run stored");
        (await harness.Db.ScalarAsync("SELECT Status || ',' || ItemsFetched FROM SyncRuns")).Should().Be("RateLimited,8");
        ((string)(await harness.Db.ScalarAsync("SELECT Error FROM SyncRuns"))!).Should()
            .Contain("Rate limited (not an error)").And.Contain("before batch 2").And.Contain("Kept what it stored before the limit: 8 items in 2 batches")
            .And.Contain("2026-06-01 08:07:00 UTC");
        (await harness.Db.ScalarAsync("SELECT Status || ',' || NextSyncAt || ',' || ConsecutiveFailures || ',' || (LastError IS NULL) || ',' || Cursor FROM Connections"))
            .Should().Be("RateLimited,2026-06-01T08:07:00.0000000Z,2,1,2", "no error shown, the failure count kept as it was, the cursor of batch 1 stored");
        (await harness.Db.CountAsync("Posts")).Should().Be(2);
        var audit = (await AuditRows.AfterAsync(harness.Db.Folder, auditBefore)).Should().ContainSingle().Subject;
        audit.Details.Should().Be("Status: 'Retrying' -> 'RateLimited'; NextSyncAt: '2026-06-01T08:07:00.0000000Z'");

        harness.Time.Advance(TimeSpan.FromMinutes(7));
        var resumed = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        resumed.Outcome.RunStatus.Should().Be("Succeeded");
        connector.CursorsSeen.Should().Equal(null, "1", "2", "2", "3", "4");
        (await harness.Db.CountAsync("Posts")).Should().Be(5);
        (await harness.Db.ScalarAsync("SELECT Status || ',' || ConsecutiveFailures FROM Connections")).Should().Be("Active,0");
    }

    [Fact]
    public async Task RunAsync_RateLimitedWithoutProgress_TenInARow_ShowRetryingWithAMessage_AProgressingRunRestartsTheCount()
    {
        using var harness = await SyncHarness.CreateAsync();
        var connector = new ScriptedConnector(ScriptedConnector.Numbered(5));
        await harness.UsePluginsAsync(("test.scripted", connector));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted");
        var throttled = new PluginException("429 Too many requests", PluginFailureKind.RateLimited, TimeSpan.FromMinutes(1));

        connector.ConnectFailure = throttled;
        await RunTimesAsync(harness, connection, 9);
        (await harness.RecordAsync(connection)).Status.Should().Be(ConnectionStatus.RateLimited, "9 pauses in a row are still pauses");

        connector.ConnectFailure = null;
        connector.FailBeforeBatch = 1;
        connector.FailureKind = PluginFailureKind.RateLimited;
        connector.FailureRetryAfter = TimeSpan.FromMinutes(1);
        await RunTimesAsync(harness, connection, 1);
        (await harness.Db.CountAsync("Posts")).Should().Be(1, "this run stored a batch before the limit");

        connector.ConnectFailure = throttled;
        await RunTimesAsync(harness, connection, 5);
        await harness.Db.ScalarAsync(
            "INSERT INTO SyncRuns (WorkspaceId, ConnectionId, StartedAt, FinishedAt, Status) SELECT WorkspaceId, Id, @at, @at, 'Interrupted' FROM Connections",
            ("@at", "2026-06-01T09:00:00.0000000Z"));
        await RunTimesAsync(harness, connection, 4);
        (await harness.RecordAsync(connection)).Status.Should().Be(ConnectionStatus.RateLimited,
            "the count restarted after the run that stored something; a run the server interrupted before storing anything is passed over");

        var reset = harness.Time.GetUtcNow().AddMinutes(1);
        var tenth = await RunTimesAsync(harness, connection, 1);

        tenth.Outcome.RunStatus.Should().Be("RateLimited");
        var record = await harness.RecordAsync(connection);
        record.Status.Should().Be(ConnectionStatus.Retrying);
        record.ConsecutiveFailures.Should().Be(0, "rate limits are still not counted as failures");
        var lastError = (string)(await harness.Db.ScalarAsync("SELECT LastError FROM Connections"))!;
        lastError.Should().Contain("last 10 runs").And.Contain("none of them stored anything").And.Contain("429 Too many requests")
            .And.Contain("other client uses the same credentials");
        (await harness.Db.ScalarAsync("SELECT NextSyncAt FROM Connections")).Should().Be(DbText(reset), "still tried at the reset");

        connector.ConnectFailure = null;
        (await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None)).Outcome.RunStatus.Should().Be("Succeeded");
        (await harness.RecordAsync(connection)).Status.Should().Be(ConnectionStatus.Active);
    }

    [Fact]
    public async Task RunAsync_RateLimitedWithoutRetryAfter_FallsBackToTheBackoffGrowingWithEachPause()
    {
        using var harness = await SyncHarness.CreateAsync();
        var connector = new ScriptedConnector(ScriptedConnector.Numbered(2))
        {
            ConnectFailure = new PluginException("throttled, no reset given", PluginFailureKind.RateLimited),
        };
        await harness.UsePluginsAsync(("test.scripted", connector));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted");

        var first = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);
        var second = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        first.Outcome.NextSyncAt.Should().Be(Start.AddSeconds(30), "the back-off's base");
        second.Outcome.NextSyncAt.Should().Be(Start.AddSeconds(60), "a second pause in a row doubles it");
        first.Outcome.Error.Should().Contain("no reset time").And.Contain("Nothing was stored before the limit");
        (await harness.Db.ScalarAsync("SELECT Status || ',' || ConsecutiveFailures FROM Connections")).Should().Be("RateLimited,0");
    }

    [Fact]
    public async Task RunDueAsync_RateLimitedConnection_IsNotDueBeforeTheResetAndRunsAfterIt()
    {
        using var harness = await SyncHarness.CreateAsync();
        var connector = new ScriptedConnector(ScriptedConnector.Numbered(3))
        {
            FailBeforeBatch = 1, FailureKind = PluginFailureKind.RateLimited, FailureRetryAfter = TimeSpan.FromMinutes(15),
        };
        await harness.UsePluginsAsync(("test.scripted", connector));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted");

        (await Task.WhenAll(await harness.Scheduler.RunDueAsync(CancellationToken.None))).Should().ContainSingle()
            .Which.Outcome.ConnectionStatus.Should().Be(ConnectionStatus.RateLimited);
        harness.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        (await harness.Scheduler.RunDueAsync(CancellationToken.None)).Should().BeEmpty("the network's reset is a second away");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await Task.WhenAll(await harness.Scheduler.RunDueAsync(CancellationToken.None));

        after.Should().ContainSingle().Which.Outcome.RunStatus.Should().Be("Succeeded");
        connector.CursorsSeen.Should().Equal(null, "1", "1", "2");
        (await harness.RecordAsync(connection)).Status.Should().Be(ConnectionStatus.Active);
    }

    private static async Task<SyncResult> RunTimesAsync(SyncHarness harness, long connection, int times)
    {
        SyncResult? last = null;
        for (var i = 0; i < times; i++)
        {
            last = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);
            last.Outcome.RunStatus.Should().Be("RateLimited", last.Outcome.Error);
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        return last!;
    }

    private static string DbText(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
