using System.Security.Cryptography;
using Engage.Host.Backup;
using Engage.Host.Hosting;
using Engage.Host.Store;
using Engage.Host.Sync;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Tests.Backup;

/// <summary>An online backup taken while rows are being committed, restored into a new data folder.</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_DuringConcurrentCommits_RestoresEveryRowCommittedBeforeItAndTheSecrets()
    {
        using var scene = await BackupScene.CreateAsync();
        var workspace = await InsertAsync(scene.Database, "INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES ('W', 'UTC', '2026-01-01T00:00:00Z') RETURNING Id");
        var connectionId = await InsertAsync(scene.Database,
            $"INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, IntervalSeconds, CreatedAt) VALUES ({workspace}, 'p', 'c', 'n', 'C', 60, '2026-01-01T00:00:00Z') RETURNING Id");
        var secrets = new ConnectionSecrets(scene.Database, BackupScene.Protection(scene.Paths.Data).CreateProtector(ConnectionSecrets.Purpose), connectionId);
        await secrets.SetAsync("token", "before-the-backup", CancellationToken.None);
        var store = new ConnectionStore(scene.Database);
        var record = (await store.GetAsync(connectionId, CancellationToken.None))!;
        var committed = new List<long>();
        using var stop = new CancellationTokenSource();

        // Each iteration commits a run (one statement) and then closes it with the connection's status (one transaction).
        var writer = Task.Run(async () =>
        {
            var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
            while (!stop.IsCancellationRequested)
            {
                now = now.AddSeconds(1);
                var run = await store.StartRunAsync(record, now, CancellationToken.None);
                await store.FinishRunAsync(run, connectionId, new RunOutcome("Succeeded", "Active", null, now.AddMinutes(1), 0), now, CancellationToken.None);
                lock (committed)
                {
                    committed.Add(run);
                }
            }
        });
        await WaitForAsync(() => { lock (committed) { return committed.Count >= 200; } }, writer);

        long[] beforeBackup;
        lock (committed)
        {
            beforeBackup = [.. committed];
        }

        var backup = await scene.RunAsync("backup");
        long[] afterBackup;
        lock (committed)
        {
            afterBackup = [.. committed];
        }

        await WaitForAsync(() => { lock (committed) { return committed.Count >= afterBackup.Length + 50; } }, writer);
        await stop.CancelAsync();
        await writer;

        backup.ExitCode.Should().Be(0, backup.Error);
        var folder = BackupScene.SingleBackup(scene.Combine("backups"));
        backup.Output.Should().Contain(folder);
        var restoredRoot = scene.Combine("restored");
        var restore = await scene.RunAsync("restore", folder, $"--Engage:DataPath={restoredRoot}");
        restore.ExitCode.Should().Be(0, restore.Error);

        var restored = new EngageDatabase(Path.Combine(restoredRoot, "engage.db"));
        var runs = await IdsAsync(restored, "SELECT Id FROM SyncRuns ORDER BY Id");
        runs.Should().Contain(beforeBackup, "every run committed before the backup started is in it");
        runs.Should().BeSubsetOf(afterBackup, "nothing committed after the backup finished is in it");
        (await IdsAsync(restored, "SELECT COUNT(*) FROM SyncRuns WHERE Status = 'Running'")).Single().Should().BeLessThanOrEqualTo(1,
            "the writer closes each run before it starts the next, so a consistent snapshot holds at most the one in flight");
        (await ProblemsAsync(restored)).Should().BeEmpty("integrity_check and foreign_key_check pass");
        var manifest = await BackupManifest.ReadAsync(folder, CancellationToken.None);
        manifest.Tables["SyncRuns"].Should().Be(runs.Count);
        manifest.SchemaVersion.Should().Be(MigrationRunner.LatestVersion);
        manifest.Files.Select(f => f.Path).Should().Contain("engage.db").And.Contain(p => p.StartsWith("keys/", StringComparison.Ordinal));

        var restoredSecrets = new ConnectionSecrets(restored, BackupScene.Protection(restoredRoot).CreateProtector(ConnectionSecrets.Purpose), connectionId);
        (await restoredSecrets.GetAsync("token", CancellationToken.None)).Should().Be("before-the-backup");
        var withoutKeys = new ConnectionSecrets(restored, BackupScene.Protection(scene.Combine("elsewhere")).CreateProtector(ConnectionSecrets.Purpose), connectionId);
        await FluentActions.Awaiting(() => withoutKeys.GetAsync("token", CancellationToken.None).AsTask())
            .Should().ThrowAsync<CryptographicException>("the secret needs the key ring that the backup carried");
        restore.Output.Should().NotContain("before-the-backup");
        backup.Output.Should().NotContain("before-the-backup");
    }

    private static async Task WaitForAsync(Func<bool> condition, Task writer)
    {
        // Far from the bound: a few hundred small commits take well under a second even on a loaded machine.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            if (writer.IsCompleted)
            {
                await writer;
                throw new InvalidOperationException("The writer stopped early.");
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the writer commits rows steadily");
            await Task.Delay(10);
        }
    }

    private static async Task<long> InsertAsync(EngageDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command(sql);
        return await command.InsertAsync(CancellationToken.None);
    }

    private static async Task<List<long>> IdsAsync(EngageDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task<IReadOnlyList<string>> ProblemsAsync(EngageDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await DatabaseFile.ProblemsAsync(connection, CancellationToken.None);
    }
}
