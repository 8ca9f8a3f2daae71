using System.Text.Json;
using Engage.Host.Ingestion;
using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Privacy.Tombstones;

/// <summary>
/// The tombstones that concern one batch: every external id the batch names (contacts, conversations, interactions,
/// reply targets) is hashed and all are looked up in one indexed query.
/// </summary>
internal sealed class TombstoneLookup
{
    private readonly HashSet<(string Kind, string ExternalId)> _erased = [];

    public bool IsEmpty => _erased.Count == 0;

    public bool Has(string kind, string externalId) => _erased.Contains((kind, externalId));

    public static async Task<TombstoneLookup> LoadAsync(IngestionContext context, ErasureHasher hasher, SyncBatch batch, CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<string, (string Kind, string ExternalId)>(StringComparer.Ordinal);
        void Add(string kind, string? externalId)
        {
            if (externalId is not null)
            {
                candidates.TryAdd(hasher.Hash(kind, context.Scope.ConnectionId, externalId), (kind, externalId));
            }
        }

        foreach (var contact in batch.Contacts)
        {
            Add(TombstoneKind.Contact, contact.ExternalId);
        }

        foreach (var item in batch.Interactions)
        {
            Add(TombstoneKind.Contact, item.ContactExternalId);
            Add(TombstoneKind.Conversation, item.ConversationExternalId);
            Add(TombstoneKind.Interaction, item.ExternalId);
            Add(TombstoneKind.InteractionText, item.ExternalId);
            Add(TombstoneKind.Interaction, item.InReplyToExternalId);
        }

        var lookup = new TombstoneLookup();
        await using var command = context.Command(
                "SELECT KeyHash FROM Tombstones WHERE ConnectionId = @c AND KeyHash IN (SELECT value FROM json_each(@hashes))")
            .With("@c", context.Scope.ConnectionId).With("@hashes", JsonSerializer.Serialize(candidates.Keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lookup._erased.Add(candidates[reader.GetString(0)]);
        }

        return lookup;
    }
}
