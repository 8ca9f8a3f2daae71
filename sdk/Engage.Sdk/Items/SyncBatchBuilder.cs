namespace Engage.Sdk.Items;

/// <summary>
/// Collects the items of one <see cref="SyncBatch"/> while a connector reads its pages: the connection's account always,
/// each contact, post and interaction once (the last one added with an external id wins, so a later page's fresher
/// figures replace an earlier copy), and the daily figures as added. Not thread-safe: one builder per pull.
/// </summary>
/// <example>
/// <code>
/// var batch = new SyncBatchBuilder(account);
/// foreach (var status in page) { batch.Add(MapContact(status)); batch.Add(MapPost(status)); }
/// return batch.Build(nextCursor, hasMore: page.Count > 0);
/// </code>
/// </example>
public sealed class SyncBatchBuilder
{
    private readonly AccountItem _account;
    private readonly Dictionary<string, ContactItem> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostItem> _posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InteractionItem> _interactions = new(StringComparer.Ordinal);
    private readonly List<AccountDailyStatItem> _stats = [];

    /// <summary>Starts a batch for the connection's account, which every batch built here carries.</summary>
    /// <param name="account">The account the connection reads.</param>
    public SyncBatchBuilder(AccountItem account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _account = account;
    }

    /// <summary>Adds a contact; null, and the account itself (which is no contact of its own), are left out.</summary>
    /// <param name="contact">The contact, or null when the page named none.</param>
    public void Add(ContactItem? contact)
    {
        if (contact is not null && contact.ExternalId != _account.ExternalId)
        {
            _contacts[contact.ExternalId] = contact;
        }
    }

    /// <summary>Adds a post (null is left out); a post added again with the same external id replaces the earlier one.</summary>
    /// <param name="post">The post, or null when the page held none.</param>
    public void Add(PostItem? post)
    {
        if (post is not null)
        {
            _posts[post.ExternalId] = post;
        }
    }

    /// <summary>Adds an interaction (null is left out); one added again with the same external id replaces the earlier one.</summary>
    /// <param name="interaction">The interaction, or null when the page held none.</param>
    public void Add(InteractionItem? interaction)
    {
        if (interaction is not null)
        {
            _interactions[interaction.ExternalId] = interaction;
        }
    }

    /// <summary>Adds a day's account figures.</summary>
    /// <param name="stat">The figures.</param>
    public void Add(AccountDailyStatItem stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        _stats.Add(stat);
    }

    /// <summary>
    /// The batch: the account, the contacts in the order first added, posts by publication time and interactions by
    /// creation time (ties by external id, ordinal), the daily figures in the order added.
    /// </summary>
    /// <param name="nextCursor">The cursor for the next pull (<see cref="SyncBatch.NextCursor"/>); null keeps the current one.</param>
    /// <param name="hasMore">Whether the connector has more to give right now (<see cref="SyncBatch.HasMore"/>).</param>
    public SyncBatch Build(string? nextCursor, bool hasMore) => new()
    {
        Accounts = [_account],
        Contacts = _contacts.Values.ToList(),
        Posts = _posts.Values.OrderBy(p => p.PublishedAt).ThenBy(p => p.ExternalId, StringComparer.Ordinal).ToList(),
        Interactions = _interactions.Values.OrderBy(i => i.CreatedAt).ThenBy(i => i.ExternalId, StringComparer.Ordinal).ToList(),
        AccountDailyStats = _stats.ToList(),
        NextCursor = nextCursor,
        HasMore = hasMore,
    };
}
