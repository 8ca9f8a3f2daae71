using Engage.Host.Sync;
using Engage.Sdk.Failures;

namespace Engage.Host.Tests.Sync;

public sealed class SyncRunnerTests
{
    private static readonly string[] DataTables = ["Accounts", "Contacts", "Posts", "Interactions"];

    [Fact]
    public async Task RunAsync_InterruptedBetweenBatches_ResumesWithoutLossOrDuplicates()
    {
        // Reference: the same five batches synced in one uninterrupted run.
        using var reference = await SyncHarness.CreateAsync();
        await reference.UsePluginsAsync(("test.scripted", new ScriptedConnector(ScriptedConnector.Numbered(5))));
        var refConnection = await reference.Db.AddConnectionAsync(await reference.Db.AddWorkspaceAsync(), "test.scripted", "scripted");
        (await reference.Runner.RunAsync(await reference.RecordAsync(refConnection), CancellationToken.None)).Outcome.RunStatus.Should().Be("Succeeded");

        using var harness = await SyncHarness.CreateAsync();
        var connector = new ScriptedConnector(ScriptedConnector.Numbered(5)) { FailBeforeBatch = 3 };
        await harness.UsePluginsAsync(("test.scripted", connector));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted");

        var interrupted = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        interrupted.Outcome.RunStatus.Should().Be("Failed");
        (await harness.Db.CountAsync("Posts")).Should().Be(3, "batches 0-2 were committed before the failure");
        (await harness.Db.ScalarAsync("SELECT Cursor FROM Connections")).Should().Be("3", "the cursor stored with the last committed batch");
        (await harness.Db.ScalarAsync("SELECT ItemsFetched FROM SyncRuns WHERE Id = @id", ("@id", interrupted.RunId))).Should().Be(3L * 4, "each batch holds an account, a post and two interactions");

        var resumed = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        resumed.Outcome.RunStatus.Should().Be("Succeeded");
        connector.CursorsSeen.Should().Equal(null, "1", "2", "3", "3", "4");
        foreach (var table in DataTables)
        {
            (await harness.Db.DumpAsync(table)).Should().Equal(await reference.Db.DumpAsync(table), $"{table} must match an uninterrupted sync exactly");
        }
    }

    [Fact]
    public async Task RunAsync_SecondRunOverSameData_AddsNothing()
    {
        using var harness = await SyncHarness.CreateAsync();
        await harness.UsePluginsAsync(("test.scripted", new ScriptedConnector(ScriptedConnector.Numbered(3))));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted");
        var first = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);
        await harness.Db.ScalarAsync("UPDATE Connections SET Cursor = NULL");

        var second = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        first.ItemsNew.Should().BeGreaterThan(0);
        second.ItemsFetched.Should().Be(first.ItemsFetched);
        second.ItemsNew.Should().Be(0);
        (await harness.Db.CountAsync("Interactions")).Should().Be(6);
    }

    [Fact]
    public async Task RunAsync_Success_RecordsRunAndSchedulesNext()
    {
        using var harness = await SyncHarness.CreateAsync();
        await harness.UsePluginsAsync(("test.scripted", new ScriptedConnector(ScriptedConnector.Numbered(2))));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted", intervalSeconds: 600);

        var result = await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        result.ItemsFetched.Should().Be(8);
        (await harness.Db.ScalarAsync("SELECT Status || ',' || ItemsFetched || ',' || ItemsNew || ',' || (FinishedAt IS NOT NULL) FROM SyncRuns"))
            .Should().Be($"Succeeded,8,{result.ItemsNew},1");
        (await harness.Db.ScalarAsync("SELECT Status || ',' || NextSyncAt || ',' || LastSyncAt FROM Connections"))
            .Should().Be("Active,2026-06-01T08:10:00.0000000Z,2026-06-01T08:00:00.0000000Z");
    }

    [Fact]
    public async Task RunAsync_CredentialsRefused_MarksConnectionWithoutRetrying()
    {
        using var harness = await SyncHarness.CreateAsync();
        var connector = new ScriptedConnector(ScriptedConnector.Numbered(2))
        {
            ConnectFailure = new PluginException("401 The access token is invalid", PluginFailureKind.CredentialsInvalid),
        };
        await harness.UsePluginsAsync(("test.scripted", connector));
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.scripted", "scripted");

        await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        (await harness.RecordAsync(connection)).Status.Should().Be(ConnectionStatus.NeedsCredentials);
        (await harness.Db.ScalarAsync("SELECT LastError FROM Connections")).Should().BeOfType<string>().Which.Should().Contain("Enter new credentials");
        (await harness.Db.ScalarAsync("SELECT NextSyncAt FROM Connections")).Should().BeNull("no retry loop against refused credentials");
    }

    [Fact]
    public async Task RunAsync_PluginNotInstalled_ShowsWhyOnTheConnection()
    {
        using var harness = await SyncHarness.CreateAsync();
        await harness.UsePluginsAsync();
        var connection = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "acme.crm", "crm");

        await harness.Runner.RunAsync(await harness.RecordAsync(connection), CancellationToken.None);

        (await harness.RecordAsync(connection)).Status.Should().Be(ConnectionStatus.PluginUnavailable);
        (await harness.Db.ScalarAsync("SELECT LastError FROM Connections")).Should().BeOfType<string>().Which.Should().Contain("acme.crm");
    }
}
