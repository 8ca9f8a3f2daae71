using Engage.Host.Ingestion;
using Engage.Host.Tests.Infrastructure;
using Engage.Sdk.Items;

namespace Engage.Host.Tests.Ingestion;

public sealed class BatchWriterTests
{
    private static readonly string[] Tables = ["Accounts", "Contacts", "Posts", "Interactions", "Conversations", "AccountDailyStats"];

    [Fact]
    public async Task WriteAsync_SameBatchTwice_ChangesNothing()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);

        var first = await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);
        var before = await DumpAllAsync(db);
        var second = await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);
        var after = await DumpAllAsync(db);

        first.New.Should().BeGreaterThan(0);
        second.New.Should().Be(0, "re-syncing the same data must not create rows");
        after.Should().Equal(before, "re-syncing the same data must not change any stored value");
        (await db.CountAsync("Interactions")).Should().Be(4);
    }

    [Fact]
    public async Task WriteAsync_Conversation_ComputesResponseTimesAndCounts()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);

        await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);

        (await db.ScalarAsync("SELECT ResponseSeconds FROM Interactions WHERE ExternalId = 'i-1'")).Should().Be(15L * 60);
        (await db.ScalarAsync("SELECT Status FROM Interactions WHERE ExternalId = 'i-1'")).Should().Be("Replied");
        (await db.ScalarAsync("SELECT Status FROM Interactions WHERE ExternalId = 'i-3'")).Should().Be("New");
        (await db.ScalarAsync("SELECT MessagesIn || '/' || MessagesOut || '/' || FirstResponseSeconds FROM Conversations WHERE ExternalId = 't-1'"))
            .Should().Be("1/1/900");
        (await db.ScalarAsync("SELECT Engagements FROM Posts WHERE ExternalId = 'p-1'")).Should().Be(13L, "likes + comments + shares when no total is reported");
        (await db.ScalarAsync("SELECT Engagements FROM Posts WHERE ExternalId = 'p-2'")).Should().Be(50L, "the network's own total wins");
        (await db.ScalarAsync("SELECT DisplayName FROM Contacts WHERE ExternalId = 'u-2'")).Should().Be("داریوش", "right-to-left text is kept exactly");
        (await db.ScalarAsync("SELECT Handle FROM Contacts WHERE ExternalId = 'u-3'")).Should().Be("u-3", "a contact named only by an interaction is still created");
    }

    [Fact]
    public async Task WriteAsync_ResyncAfterTriage_KeepsWhatPeopleSet()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);
        await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);
        await db.ScalarAsync("UPDATE Interactions SET Status = 'Closed', AssignedTo = 'maria', Team = 'Support' WHERE ExternalId = 'i-3'");
        await db.ScalarAsync("UPDATE Contacts SET IsCustomer = 1, Tags = 'vip' WHERE ExternalId = 'u-1'");

        await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);

        (await db.ScalarAsync("SELECT Status || ',' || AssignedTo || ',' || Team FROM Interactions WHERE ExternalId = 'i-3'")).Should().Be("Closed,maria,Support");
        (await db.ScalarAsync("SELECT IsCustomer || ',' || Tags FROM Contacts WHERE ExternalId = 'u-1'")).Should().Be("1,vip");
    }

    [Fact]
    public async Task WriteAsync_LaterFigures_UpdatePostInPlace()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);
        await writer.WriteAsync(scope, SampleBatches.Conversation(), null, CancellationToken.None);

        var later = new SyncBatch { Posts = [new PostItem("p-1", "acc-1", SampleBatches.T0) { Likes = 25 }] };
        await writer.WriteAsync(scope, later, null, CancellationToken.None);

        (await db.ScalarAsync("SELECT Likes || ',' || Comments || ',' || Engagements FROM Posts WHERE ExternalId = 'p-1'"))
            .Should().Be("25,2,25", "new figures replace old ones; a figure not sent again keeps its value");
        (await db.CountAsync("Posts")).Should().Be(2);
    }

    [Fact]
    public async Task WriteAsync_UnknownAccount_StoresNothingOfTheBatch()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);
        var bad = SampleBatches.Conversation() with
        {
            Posts = [.. SampleBatches.Conversation().Posts, new PostItem("p-x", "no-such-account", SampleBatches.T0)],
        };

        var act = () => writer.WriteAsync(scope, bad, null, CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*no-such-account*");
        foreach (var table in Tables)
        {
            (await db.CountAsync(table)).Should().Be(0, $"a failed batch leaves nothing half-stored in {table}");
        }

        (await db.ScalarAsync("SELECT Cursor FROM Connections")).Should().BeNull("the cursor only moves with its items");
    }

    [Fact]
    public async Task WriteAsync_InvalidItem_IsRefusedWithAClearMessage()
    {
        using var db = await TestDatabase.CreateAsync();
        var (writer, scope) = await SetUpAsync(db);
        var bad = new SyncBatch { Accounts = [new AccountItem("", "@x")], NextCursor = new string('x', 9000) };

        var act = () => writer.WriteAsync(scope, bad, null, CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*invalid batch*ExternalId*");
    }

    [Fact]
    public async Task WriteAsync_DatesFollowTheWorkspaceTimeZone()
    {
        using var db = await TestDatabase.CreateAsync();
        var workspace = await db.AddWorkspaceAsync("Tokyo office", "Asia/Tokyo");
        var connection = await db.AddConnectionAsync(workspace, "p", "c");
        var writer = new BatchWriter(db.Database, TimeProvider.System);
        var scope = new ConnectionScope(connection, workspace, "test", TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var late = new SyncBatch
        {
            Accounts = [new AccountItem("a", "@a")],
            Posts = [new PostItem("p", "a", new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero))],
        };

        await writer.WriteAsync(scope, late, null, CancellationToken.None);

        (await db.ScalarAsync("SELECT PublishedAt || ' ' || PublishedDate FROM Posts"))
            .Should().Be("2026-03-10T20:00:00.0000000Z 2026-03-11", "20:00 UTC is already the next day in Tokyo");
    }

    private static async Task<(BatchWriter, ConnectionScope)> SetUpAsync(TestDatabase db)
    {
        var workspace = await db.AddWorkspaceAsync();
        var connection = await db.AddConnectionAsync(workspace, "p", "c");
        return (new BatchWriter(db.Database, TimeProvider.System), new ConnectionScope(connection, workspace, "test", TimeZoneInfo.Utc));
    }

    private static async Task<List<string>> DumpAllAsync(TestDatabase db)
    {
        var all = new List<string>();
        foreach (var table in Tables)
        {
            all.AddRange((await db.DumpAsync(table)).Select(r => table + ":" + r));
        }

        return all;
    }
}
