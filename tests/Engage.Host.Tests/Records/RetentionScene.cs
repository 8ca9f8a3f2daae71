using Engage.Host.Audit;
using Engage.Host.Ingestion;
using Engage.Host.Records.Retention;
using Engage.Host.Tests.Infrastructure;
using Engage.Host.Tests.Ingestion;
using Engage.Sdk.Items;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Records;

/// <summary>
/// A migrated database with one workspace fed by <see cref="SampleBatches.Conversation"/> (created on 2026-03-10), a
/// hand-moved clock shared by ingestion and the purge, and helpers to set the retention period and the legal hold.
/// </summary>
internal sealed class RetentionScene : IDisposable
{
    private RetentionScene(TestDatabase db, long workspace, ConnectionScope scope, int batchSize)
    {
        Db = db;
        Workspace = workspace;
        Scope = scope;
        Writer = new BatchWriter(db.Database, Clock);
        Purger = new RetentionPurger(db.Database, Clock, batchSize, NullLogger.Instance);
    }

    public TestDatabase Db { get; }

    public long Workspace { get; }

    public ConnectionScope Scope { get; }

    public ManualTimeProvider Clock { get; } = new(SampleBatches.T0.AddDays(1));

    public BatchWriter Writer { get; }

    public RetentionPurger Purger { get; }

    public static async Task<RetentionScene> CreateAsync(int batchSize = 500)
    {
        var db = await TestDatabase.CreateAsync();
        var workspace = await db.AddWorkspaceAsync("Records office");
        var connection = await db.AddConnectionAsync(workspace, "p", "c");
        var scene = new RetentionScene(db, workspace, new ConnectionScope(connection, workspace, "test", TimeZoneInfo.Utc), batchSize);
        await scene.SyncAsync(SampleBatches.Conversation());
        return scene;
    }

    public Task SyncAsync(SyncBatch batch) => Writer.WriteAsync(Scope, batch, null, CancellationToken.None);

    public Task SetRetentionAsync(long? days) =>
        Db.ScalarAsync("UPDATE Workspaces SET RetentionDays = @d WHERE Id = @w", ("@d", days), ("@w", Workspace));

    public Task SetHoldAsync(bool hold) =>
        Db.ScalarAsync("UPDATE Workspaces SET LegalHold = @h WHERE Id = @w", ("@h", hold ? 1 : 0), ("@w", Workspace));

    public async Task<WorkspacePurge> PurgeAsync() =>
        (await Purger.RunAsync("test", CancellationToken.None)).Single(r => r.WorkspaceId == Workspace);

    public async Task<string?> TextOfAsync(string externalId) =>
        (string?)await Db.ScalarAsync("SELECT Text FROM Interactions WHERE ExternalId = @e", ("@e", externalId));

    public async Task<IReadOnlyList<string>> AuditDetailsAsync() =>
        (await Db.DumpAsync("AuditEvents", "Action || ' ' || EntityId || ': ' || Details")).ToList();

    public Task<AuditVerification> VerifyAuditAsync() => new AuditVerifier(Db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);

    public void Dispose() => Db.Dispose();
}
