using Engage.Sdk.Items;

namespace Engage.Plugins.Bluesky.Sync;

/// <summary>Collects one batch's items: the account always, each contact, post and interaction once (the last one seen wins).</summary>
internal sealed class BatchParts(AccountItem account)
{
    private readonly Dictionary<string, ContactItem> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostItem> _posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InteractionItem> _interactions = new(StringComparer.Ordinal);
    private readonly List<AccountDailyStatItem> _stats = [];

    public void Add(ContactItem? contact)
    {
        if (contact is not null && contact.ExternalId != account.ExternalId)
        {
            _contacts[contact.ExternalId] = contact;
        }
    }

    public void Add(PostItem? post)
    {
        if (post is not null)
        {
            _posts[post.ExternalId] = post;
        }
    }

    public void Add(InteractionItem? interaction)
    {
        if (interaction is not null)
        {
            _interactions[interaction.ExternalId] = interaction;
        }
    }

    public void Add(AccountDailyStatItem stat) => _stats.Add(stat);

    public SyncBatch Build(BlueskyCursor next, bool hasMore) => new()
    {
        Accounts = [account],
        Contacts = _contacts.Values.ToList(),
        Posts = _posts.Values.OrderBy(p => p.PublishedAt).ThenBy(p => p.ExternalId, StringComparer.Ordinal).ToList(),
        Interactions = _interactions.Values.OrderBy(i => i.CreatedAt).ThenBy(i => i.ExternalId, StringComparer.Ordinal).ToList(),
        AccountDailyStats = _stats,
        NextCursor = next.Write(),
        HasMore = hasMore,
    };
}
