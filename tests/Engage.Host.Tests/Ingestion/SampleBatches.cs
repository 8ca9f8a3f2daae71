using Engage.Sdk.Items;

namespace Engage.Host.Tests.Ingestion;

/// <summary>Small, realistic batches for ingestion tests.</summary>
internal static class SampleBatches
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static SyncBatch Conversation(string cursor = "c1") => new()
    {
        Accounts = [new AccountItem("acc-1", "@library@social.example") { DisplayName = "City Library", FollowersCount = 1200 }],
        Contacts =
        [
            new ContactItem("u-1", "@ana@social.example") { DisplayName = "Ana", FollowersCount = 80 },
            new ContactItem("u-2", "@dariush@social.example") { DisplayName = "داریوش", IsCustomer = true },
        ],
        Posts =
        [
            new PostItem("p-1", "acc-1", T0) { Text = "Late opening tonight 📚", Likes = 10, Comments = 2, Shares = 1 },
            new PostItem("p-2", "acc-1", T0.AddDays(1)) { Text = "New e-books", Impressions = 1000, Engagements = 50 },
        ],
        Interactions =
        [
            new InteractionItem("i-1", "acc-1", InteractionKind.Comment, InteractionDirection.Inbound, T0.AddMinutes(30))
                { PostExternalId = "p-1", ContactExternalId = "u-1", ConversationExternalId = "t-1", Text = "Until when exactly?" },
            new InteractionItem("i-2", "acc-1", InteractionKind.Reply, InteractionDirection.Outbound, T0.AddMinutes(45))
                { PostExternalId = "p-1", ContactExternalId = "u-1", ConversationExternalId = "t-1", InReplyToExternalId = "i-1", Text = "Until 22:00!" },
            new InteractionItem("i-3", "acc-1", InteractionKind.Message, InteractionDirection.Inbound, T0.AddHours(2))
                { ContactExternalId = "u-2", ConversationExternalId = "dm-1", Text = "سلام، کتاب من کجاست؟" },
            new InteractionItem("i-4", "acc-1", InteractionKind.Reaction, InteractionDirection.Inbound, T0.AddHours(3))
                { PostExternalId = "p-2", ContactExternalId = "u-3" },
        ],
        AccountDailyStats = [new AccountDailyStatItem("acc-1", new DateOnly(2026, 3, 10)) { Followers = 1200, FollowersGained = 5 }],
        NextCursor = cursor,
    };
}
