using Engage.Host.Ingestion;
using Engage.Host.Tests.Infrastructure;
using Engage.Sdk.Items;

namespace Engage.Host.Tests.Ingestion;

/// <summary>The row versions behind the OData ETags follow real changes made by syncs, and only those.</summary>
public sealed class RowVersionTests
{
    [Fact]
    public async Task WriteAsync_IdenticalResync_KeepsEveryRowVersion()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);
        await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);
        var before = await VersionsAsync(db);

        await writer.WriteAsync(scope, SampleBatches.Conversation("c2"), null, CancellationToken.None);

        (await VersionsAsync(db)).Should().Be(before);
    }

    [Fact]
    public async Task WriteAsync_ChangedItem_BumpsOnlyItsRowVersion()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);
        await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);
        var i3 = await VersionAsync(db, "Interactions", "i-3");
        var i4 = await VersionAsync(db, "Interactions", "i-4");
        var u1 = await VersionAsync(db, "Contacts", "u-1");

        var edited = new InteractionItem("i-3", "acc-1", InteractionKind.Message, InteractionDirection.Inbound, SampleBatches.T0.AddHours(2))
            { ContactExternalId = "u-2", ConversationExternalId = "dm-1", Text = "Edited on the network" };
        await writer.WriteAsync(scope, new SyncBatch { Interactions = [edited], Contacts = [new ContactItem("u-1", "@ana@social.example") { FollowersCount = 81 }] }, null, CancellationToken.None);

        (await VersionAsync(db, "Interactions", "i-3")).Should().Be(i3 + 1);
        (await VersionAsync(db, "Interactions", "i-4")).Should().Be(i4);
        (await VersionAsync(db, "Contacts", "u-1")).Should().Be(u1 + 1);
    }

    [Fact]
    public async Task Update_ThatChangesNothingVisible_KeepsTheRowVersion()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);
        await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);
        var before = await VersionAsync(db, "Interactions", "i-1");

        await db.ScalarAsync("UPDATE Interactions SET Status = Status, Team = Team WHERE ExternalId = 'i-1'");
        var same = await VersionAsync(db, "Interactions", "i-1");
        await db.ScalarAsync("UPDATE Interactions SET Team = 'Support' WHERE ExternalId = 'i-1'");

        same.Should().Be(before);
        (await VersionAsync(db, "Interactions", "i-1")).Should().Be(before + 1);
    }

    private static async Task<(BatchWriter, ConnectionScope)> SetUpAsync(TestDatabase db)
    {
        var workspace = await db.AddWorkspaceAsync();
        var connection = await db.AddConnectionAsync(workspace, "p", "c");
        return (new BatchWriter(db.Database, TimeProvider.System), new ConnectionScope(connection, workspace, "test", TimeZoneInfo.Utc));
    }

    private static async Task<long> VersionAsync(TestDatabase db, string table, string externalId) =>
        (long)(await db.ScalarAsync($"SELECT RowVersion FROM {table} WHERE ExternalId = @e", ("@e", externalId)))!;

    private static async Task<string> VersionsAsync(TestDatabase db) =>
        (string)(await db.ScalarAsync(
            "SELECT (SELECT group_concat(ExternalId || '=' || RowVersion) FROM Interactions) || ';' || (SELECT group_concat(ExternalId || '=' || RowVersion) FROM Contacts)"))!;
}
