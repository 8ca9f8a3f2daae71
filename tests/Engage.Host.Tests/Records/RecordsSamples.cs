using Engage.Host.Ingestion;
using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Tests.Records;

/// <summary>
/// A workspace in Asia/Jerusalem (UTC+2, UTC+3 from 2026-03-27) with posts and interactions around March 2026, in
/// Persian, Hebrew and emoji, placed on both sides of the period's local-day boundaries.
/// </summary>
internal static class RecordsSamples
{
    public const string TimeZone = "Asia/Jerusalem";
    public const string From = "2026-03-01";
    public const string To = "2026-03-31";
    public const string Persian = "سلام، کتاب من کجاست؟";
    public const string Hebrew = "שלום, מתי הספרייה נפתחת?";
    public const string Emoji = "Thanks 🙏📚 see you 👩‍👩‍👧";

    public static SyncBatch Batch() => new()
    {
        Accounts = [new AccountItem("acc-1", "@library@social.example") { DisplayName = "City Library" }],
        Contacts = [new ContactItem("u-1", "@ana@social.example") { DisplayName = "Ana" }, new ContactItem("u-2", "@dariush@social.example") { DisplayName = "داریوش" }],
        Posts =
        [
            // 2026-02-28 23:30 UTC is 2026-03-01 01:30 in Jerusalem: inside the period.
            new PostItem("p-first-day", "acc-1", new DateTimeOffset(2026, 2, 28, 23, 30, 0, TimeSpan.Zero)) { Text = "Opening hours 📅" },
            new PostItem("p-before", "acc-1", new DateTimeOffset(2026, 2, 28, 21, 0, 0, TimeSpan.Zero)) { Text = "February" },
            new PostItem("p-mid", "acc-1", new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero)) { Text = Hebrew, Likes = 4 },
        ],
        Interactions =
        [
            new InteractionItem("i-persian", "acc-1", InteractionKind.Message, InteractionDirection.Inbound, new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero))
                { ContactExternalId = "u-2", ConversationExternalId = "dm-1", Text = Persian },
            new InteractionItem("i-hebrew", "acc-1", InteractionKind.Comment, InteractionDirection.Inbound, new DateTimeOffset(2026, 3, 15, 13, 0, 0, TimeSpan.Zero))
                { PostExternalId = "p-mid", ContactExternalId = "u-1", ConversationExternalId = "t-1", Text = Hebrew, Url = "https://social.example/@ana/1" },
            // 20:30 UTC on 03-31 is 23:30 local (UTC+3): the last day, included.
            new InteractionItem("i-last-day", "acc-1", InteractionKind.Reply, InteractionDirection.Outbound, new DateTimeOffset(2026, 3, 31, 20, 30, 0, TimeSpan.Zero))
                { PostExternalId = "p-mid", ContactExternalId = "u-1", ConversationExternalId = "t-1", InReplyToExternalId = "i-hebrew", Text = Emoji },
            // 21:30 UTC on 03-31 is 00:30 on 04-01 local: after the period.
            new InteractionItem("i-after", "acc-1", InteractionKind.Mention, InteractionDirection.Inbound, new DateTimeOffset(2026, 3, 31, 21, 30, 0, TimeSpan.Zero))
                { ContactExternalId = "u-3", Text = "April already" },
        ],
    };

    /// <summary>Creates the workspace and a connection in <paramref name="database"/> and stores <see cref="Batch"/>; answers the workspace Id.</summary>
    public static async Task<long> SeedAsync(EngageDatabase database, BatchWriter writer, string name = "Records office")
    {
        long workspace, connectionId;
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await using var ws = connection.Command("INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES (@n, @tz, '2026-01-01T00:00:00.0000000Z') RETURNING Id")
                .With("@n", name).With("@tz", TimeZone);
            workspace = await ws.InsertAsync(CancellationToken.None);
            await using var c = connection.Command(
                    "INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, CreatedAt) VALUES (@w, 'p', 'c', 'test', 'Test', '2026-01-01T00:00:00.0000000Z') RETURNING Id")
                .With("@w", workspace);
            connectionId = await c.InsertAsync(CancellationToken.None);
        }

        await writer.WriteAsync(new ConnectionScope(connectionId, workspace, "test", TimeZoneInfo.FindSystemTimeZoneById(TimeZone)), Batch(), null, CancellationToken.None);
        return workspace;
    }
}
