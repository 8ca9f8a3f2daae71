namespace Engage.Sdk.Items;

/// <summary>
/// One batch of items from a connector together with the cursor that follows it. The host stores the
/// items and the cursor in one transaction, so a crash never loses or duplicates anything: the next
/// pull starts from the last stored cursor.
/// </summary>
public sealed record SyncBatch
{
    /// <summary>Accounts seen in this batch.</summary>
    public IReadOnlyList<AccountItem> Accounts { get; init; } = [];
    /// <summary>Contacts seen in this batch.</summary>
    public IReadOnlyList<ContactItem> Contacts { get; init; } = [];
    /// <summary>Posts seen in this batch (new or with refreshed figures).</summary>
    public IReadOnlyList<PostItem> Posts { get; init; } = [];
    /// <summary>Interactions seen in this batch.</summary>
    public IReadOnlyList<InteractionItem> Interactions { get; init; } = [];
    /// <summary>Daily account figures seen in this batch.</summary>
    public IReadOnlyList<AccountDailyStatItem> AccountDailyStats { get; init; } = [];

    /// <summary>
    /// The cursor to pass to the next pull. Opaque to the host; at most 8 KiB. Null keeps the current cursor.
    /// </summary>
    public string? NextCursor { get; init; }

    /// <summary>True when the connector has more to give right now; the host pulls again at once.</summary>
    public bool HasMore { get; init; }

    /// <summary>The number of items in the batch.</summary>
    public int Count => Accounts.Count + Contacts.Count + Posts.Count + Interactions.Count + AccountDailyStats.Count;
}
