using Engage.Host.Ingestion;
using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Privacy.Tombstones;

/// <summary>
/// Runs before a batch is stored and rewrites what the connector sent again about erased people: erased contacts,
/// conversations and interactions travel under their pseudonyms (so the upserts find the anonymised rows and create
/// no duplicates) without text, URL or identifying fields; a new item by an erased contact is stored anonymised too,
/// attached to the anonymised contact, and tombstoned. A connection without tombstones costs one indexed query per
/// batch; otherwise one more query looks up every id of the batch at once.
/// </summary>
internal static class ErasureFilter
{
    /// <summary>The handle an erased contact keeps (the column is required).</summary>
    public const string ErasedHandle = "(erased)";

    public static async Task<SyncBatch> ApplyAsync(IngestionContext context, SyncBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (batch.Contacts.Count == 0 && batch.Interactions.Count == 0 || !await AnyAsync(context, cancellationToken))
        {
            return batch;
        }

        var hasher = await ErasureHasher.LoadAsync(context.Connection, context.Transaction, cancellationToken);
        if (hasher is null)
        {
            return batch;
        }

        var lookup = await TombstoneLookup.LoadAsync(context, hasher, batch, cancellationToken);
        if (lookup.IsEmpty)
        {
            return batch;
        }

        var connection = context.Scope.ConnectionId;
        var contacts = batch.Contacts.Select(c => lookup.Has(TombstoneKind.Contact, c.ExternalId)
            ? new ContactItem(hasher.Pseudonym(TombstoneKind.Contact, connection, c.ExternalId), ErasedHandle) { Network = c.Network }
            : c).ToList();

        // Items by an erased contact that were never erased themselves (they arrived later): erase them now.
        var later = batch.Interactions
            .Where(i => ByErased(lookup, i) && !lookup.Has(TombstoneKind.Interaction, i.ExternalId))
            .Select(i => i.ExternalId).ToHashSet(StringComparer.Ordinal);
        var interactions = batch.Interactions.Select(i => Rewrite(i, lookup, later, hasher, connection)).ToList();
        await TombstoneWriter.AddAsync(context.Connection, context.Transaction, hasher, context.Scope.WorkspaceId, connection, context.Scope.Network,
            TombstoneKind.Interaction, later, now, cancellationToken);
        return batch with { Contacts = contacts, Interactions = interactions };
    }

    private static bool ByErased(TombstoneLookup lookup, InteractionItem item) =>
        item.ContactExternalId is { } contact && lookup.Has(TombstoneKind.Contact, contact);

    private static InteractionItem Rewrite(InteractionItem item, TombstoneLookup lookup, HashSet<string> later, ErasureHasher hasher, long connection)
    {
        var byContact = ByErased(lookup, item);
        var itself = byContact || lookup.Has(TombstoneKind.Interaction, item.ExternalId);
        var inConversation = item.ConversationExternalId is { } conversation && lookup.Has(TombstoneKind.Conversation, conversation);
        var textOnly = lookup.Has(TombstoneKind.InteractionText, item.ExternalId);
        var replyTo = item.InReplyToExternalId is { } target && (lookup.Has(TombstoneKind.Interaction, target) || later.Contains(target));
        if (!(itself || inConversation || textOnly || replyTo))
        {
            return item;
        }

        var clear = itself || inConversation || textOnly;
        return item with
        {
            ExternalId = itself ? hasher.Pseudonym(TombstoneKind.Interaction, connection, item.ExternalId) : item.ExternalId,
            ContactExternalId = byContact ? hasher.Pseudonym(TombstoneKind.Contact, connection, item.ContactExternalId!) : item.ContactExternalId,
            ConversationExternalId = inConversation
                ? hasher.Pseudonym(TombstoneKind.Conversation, connection, item.ConversationExternalId!)
                : item.ConversationExternalId,
            InReplyToExternalId = replyTo ? hasher.Pseudonym(TombstoneKind.Interaction, connection, item.InReplyToExternalId!) : item.InReplyToExternalId,
            Text = clear ? null : item.Text,
            Url = clear ? null : item.Url,
        };
    }

    private static async Task<bool> AnyAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        await using var command = context.Command("SELECT EXISTS (SELECT 1 FROM Tombstones WHERE ConnectionId = @c)")
            .With("@c", context.Scope.ConnectionId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
