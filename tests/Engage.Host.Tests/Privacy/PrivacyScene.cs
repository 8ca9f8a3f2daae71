using Engage.Host.Ingestion;
using Engage.Host.Store;
using Engage.Host.Tests.Infrastructure;
using Engage.Sdk.Items;

namespace Engage.Host.Tests.Privacy;

/// <summary>
/// One person, Ana, on two networks of one workspace (Mastodon and Bluesky), stored through the real ingestion path
/// (<see cref="BatchWriter"/>), with a moment and a reply draft about her; Dariush, who must stay untouched; and a
/// contact in a second workspace.
/// </summary>
internal sealed class PrivacyScene : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Everything that identifies Ana or that she (or the account, to her) wrote.</summary>
    public static readonly string[] AnasData =
    [
        "@ana@social.example", "Ana 📚 אנה", "ana-masto-77", "https://social.example/@ana", "ana.bsky.social", "did:plc:ana4242",
        "سلام! Until when, \"exactly\",\nשלום 👋🏽", "https://social.example/@ana/101", "Until 22:00, dear reader!", "ana-comment-101",
        "ana-reaction-102", "@library thanks 🙏 for the book", "ana-mention-201", "Merci, c'est super ✨", "ana-comment-202", "Glad you liked it 💙",
        "Ana from the book club", "became a regular visitor", "https://social.example/@ana/thread", "Reply draft to our reader", "ana-thread-1",
        "ana-bsky-thread",
    ];

    private PrivacyScene(TestDatabase db) => Db = db;

    public TestDatabase Db { get; }

    public long Workspace { get; private set; }
    public long OtherWorkspace { get; private set; }
    public ConnectionScope Mastodon { get; private set; } = null!;
    public ConnectionScope Bluesky { get; private set; } = null!;
    public ConnectionScope Elsewhere { get; private set; } = null!;

    public long AnaMastodon { get; private set; }
    public long AnaBluesky { get; private set; }
    public long Dariush { get; private set; }
    public long Stranger { get; private set; }

    public static async Task<PrivacyScene> CreateAsync()
    {
        var scene = new PrivacyScene(await TestDatabase.CreateAsync());
        await scene.SeedAsync();
        return scene;
    }

    public BatchWriter NewWriter() => new(Db.Database, TimeProvider.System);

    /// <summary>Stores the two networks' batches again, exactly as first sent (a connector re-sync).</summary>
    public async Task<int> ResyncAsync()
    {
        var writer = NewWriter();
        var masto = await writer.WriteAsync(Mastodon, MastodonBatch(), null, CancellationToken.None);
        var bsky = await writer.WriteAsync(Bluesky, BlueskyBatch(), null, CancellationToken.None);
        return masto.New + bsky.New;
    }

    public async Task<long> IdAsync(string table, string externalId) =>
        (long)(await Db.ScalarAsync($"SELECT Id FROM {table} WHERE ExternalId = @e", ("@e", externalId)))!;

    public static SyncBatch MastodonBatch() => new()
    {
        Accounts = [new AccountItem("lib-masto", "@library@social.example") { DisplayName = "City Library" }],
        Contacts =
        [
            new ContactItem("ana-masto-77", "@ana@social.example") { DisplayName = "Ana 📚 אנה", Url = "https://social.example/@ana", FollowersCount = 80 },
            new ContactItem("dariush-9", "@dariush@social.example") { DisplayName = "داریوش", IsCustomer = true },
        ],
        Posts = [new PostItem("post-1", "lib-masto", T0) { Text = "Late opening tonight 📚", Likes = 10, Comments = 2 }],
        Interactions =
        [
            new InteractionItem("ana-comment-101", "lib-masto", InteractionKind.Comment, InteractionDirection.Inbound, T0.AddMinutes(30))
            {
                PostExternalId = "post-1", ContactExternalId = "ana-masto-77", ConversationExternalId = "ana-thread-1",
                Text = "سلام! Until when, \"exactly\",\nשלום 👋🏽", Url = "https://social.example/@ana/101",
            },
            new InteractionItem("lib-reply-1", "lib-masto", InteractionKind.Reply, InteractionDirection.Outbound, T0.AddMinutes(45))
                { PostExternalId = "post-1", ConversationExternalId = "ana-thread-1", InReplyToExternalId = "ana-comment-101", Text = "Until 22:00, dear reader!" },
            new InteractionItem("ana-reaction-102", "lib-masto", InteractionKind.Reaction, InteractionDirection.Inbound, T0.AddHours(1))
                { PostExternalId = "post-1", ContactExternalId = "ana-masto-77" },
            new InteractionItem("dariush-dm-1", "lib-masto", InteractionKind.Message, InteractionDirection.Inbound, T0.AddHours(2))
                { ContactExternalId = "dariush-9", ConversationExternalId = "dm-dariush", Text = "کتاب من کجاست؟" },
            new InteractionItem("lib-reply-2", "lib-masto", InteractionKind.Message, InteractionDirection.Outbound, T0.AddHours(3))
                { ConversationExternalId = "dm-dariush", InReplyToExternalId = "dariush-dm-1", Text = "Tomorrow, Dariush" },
        ],
        NextCursor = "m1",
    };

    public static SyncBatch BlueskyBatch() => new()
    {
        Accounts = [new AccountItem("lib-bsky", "library.bsky.social")],
        Contacts = [new ContactItem("did:plc:ana4242", "ana.bsky.social") { DisplayName = "Ana 📚 אנה" }],
        Interactions =
        [
            new InteractionItem("ana-mention-201", "lib-bsky", InteractionKind.Mention, InteractionDirection.Inbound, T0.AddDays(1))
                { ContactExternalId = "did:plc:ana4242", Text = "@library thanks 🙏 for the book" },
            new InteractionItem("ana-comment-202", "lib-bsky", InteractionKind.Comment, InteractionDirection.Inbound, T0.AddDays(1).AddHours(1))
                { ContactExternalId = "did:plc:ana4242", ConversationExternalId = "ana-bsky-thread", Text = "Merci, c'est super ✨" },
            new InteractionItem("lib-reply-3", "lib-bsky", InteractionKind.Reply, InteractionDirection.Outbound, T0.AddDays(1).AddHours(2))
                { ConversationExternalId = "ana-bsky-thread", InReplyToExternalId = "ana-comment-202", Text = "Glad you liked it 💙" },
        ],
        NextCursor = "b1",
    };

    public void Dispose() => Db.Dispose();

    private async Task SeedAsync()
    {
        Workspace = await Db.AddWorkspaceAsync("Library");
        OtherWorkspace = await Db.AddWorkspaceAsync("Museum");
        Mastodon = new ConnectionScope(await Db.AddConnectionAsync(Workspace, "p", "c", "mastodon"), Workspace, "mastodon", TimeZoneInfo.Utc);
        Bluesky = new ConnectionScope(await Db.AddConnectionAsync(Workspace, "p", "c", "bluesky"), Workspace, "bluesky", TimeZoneInfo.Utc);
        Elsewhere = new ConnectionScope(await Db.AddConnectionAsync(OtherWorkspace, "p", "c", "mastodon"), OtherWorkspace, "mastodon", TimeZoneInfo.Utc);
        await ResyncAsync();
        await NewWriter().WriteAsync(Elsewhere, new SyncBatch { Contacts = [new ContactItem("someone", "@someone@museum.example")] }, null, CancellationToken.None);

        AnaMastodon = await IdAsync("Contacts", "ana-masto-77");
        AnaBluesky = await IdAsync("Contacts", "did:plc:ana4242");
        Dariush = await IdAsync("Contacts", "dariush-9");
        Stranger = await IdAsync("Contacts", "someone");
        var thread = await IdAsync("Conversations", "ana-thread-1");
        var mention = await IdAsync("Interactions", "ana-mention-201");
        var comment = await IdAsync("Interactions", "ana-comment-101");
        await Db.ScalarAsync(
            """
            INSERT INTO Moments (WorkspaceId, OccurredAt, OccurredOn, Network, ContactId, ConversationId, ConversationUrl, PeopleInvolved, Change, LoggedBy)
            VALUES (@w, '2026-03-10T10:00:00.0000000Z', '2026-03-10', 'mastodon', @ana, @thread, 'https://social.example/@ana/thread',
                    'Ana from the book club', 'became a regular visitor', 'maria');
            INSERT INTO Moments (WorkspaceId, OccurredAt, OccurredOn, Network, InteractionId, Change) VALUES (@w, '2026-03-11T10:00:00.0000000Z', '2026-03-11', 'bluesky', @mention, 'Thanked us');
            INSERT INTO Moments (WorkspaceId, OccurredAt, OccurredOn, Network, ContactId, PeopleInvolved, Change) VALUES (@w, '2026-03-12T10:00:00.0000000Z', '2026-03-12', 'mastodon', @dariush, 'Dariush', 'Found his book');
            INSERT INTO Publications (WorkspaceId, AccountId, Text, Status, IdempotencyKey, InReplyToInteractionId)
            VALUES (@w, (SELECT AccountId FROM Interactions WHERE Id = @comment), 'Reply draft to our reader', 'Draft', 'k1', @comment);
            """,
            ("@w", Workspace), ("@ana", AnaMastodon), ("@thread", thread), ("@mention", mention), ("@dariush", Dariush), ("@comment", comment));
    }
}
