using Engage.Sdk.Items;

namespace Engage.Sdk.Testing.Sync;

/// <summary>
/// A stand-in for the host's storage of synced items: every item is upserted on its kind and external id (the
/// last one wins, as the host updates rows in place), daily figures on account and day. <see cref="Snapshot"/>
/// gives the stored items as sorted text, so two syncs can be compared item for item.
/// </summary>
public sealed class InMemoryItemStore
{
    private readonly SortedDictionary<string, string> _items = new(StringComparer.Ordinal);

    /// <summary>Accounts by external id.</summary>
    public Dictionary<string, AccountItem> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Contacts by external id.</summary>
    public Dictionary<string, ContactItem> Contacts { get; } = new(StringComparer.Ordinal);

    /// <summary>Posts by external id.</summary>
    public Dictionary<string, PostItem> Posts { get; } = new(StringComparer.Ordinal);

    /// <summary>Interactions by external id.</summary>
    public Dictionary<string, InteractionItem> Interactions { get; } = new(StringComparer.Ordinal);

    /// <summary>Daily figures by account external id and day.</summary>
    public Dictionary<(string Account, DateOnly Date), AccountDailyStatItem> DailyStats { get; } = [];

    /// <summary>Upserts every item of a batch.</summary>
    /// <param name="batch">The batch.</param>
    public void Store(SyncBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var a in batch.Accounts)
        {
            Accounts[a.ExternalId] = a;
            _items["account " + a.ExternalId] = a.ToString();
        }

        foreach (var c in batch.Contacts)
        {
            Contacts[c.ExternalId] = c;
            _items["contact " + c.ExternalId] = c.ToString();
        }

        foreach (var p in batch.Posts)
        {
            Posts[p.ExternalId] = p;
            _items["post " + p.ExternalId] = p.ToString();
        }

        foreach (var i in batch.Interactions)
        {
            Interactions[i.ExternalId] = i;
            _items["interaction " + i.ExternalId] = i.ToString();
        }

        foreach (var s in batch.AccountDailyStats)
        {
            DailyStats[(s.AccountExternalId, s.Date)] = s;
            _items[$"daily {s.AccountExternalId} {s.Date:yyyy-MM-dd}"] = s.ToString();
        }
    }

    /// <summary>Every stored item as one line of text (kind, id and all values), sorted.</summary>
    public IReadOnlyList<string> Snapshot() => _items.Select(p => p.Key + " = " + p.Value).ToList();
}
