using System.Globalization;
using Engage.Host.Audit;
using Engage.Host.Privacy.Subjects;
using Engage.Host.Privacy.Tombstones;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Privacy.Erasure;

/// <summary>
/// Erases one person (one or more contacts of one workspace) in one transaction. Rows are anonymised, not deleted,
/// so every count, response time, conversation counter and metric stays as it was: contacts lose handle, name, URL,
/// external id, followers and tags; their interactions lose text, URL and external id; the account's replies in their
/// conversations lose text and URL; moments about them lose PeopleInvolved, Change and ConversationUrl; replies
/// being published to them are cancelled. Tombstones keep the next sync from bringing anything back. One
/// <c>Subject.Erase</c> audit row records ids, reason and counts.
/// </summary>
internal sealed class SubjectEraser(EngageDatabase database, TimeProvider time)
{
    /// <summary>What erased free text is replaced with where the column cannot be empty.</summary>
    public const string ErasedText = "(erased)";

    public async Task<ErasureResult> EraseAsync(
        IReadOnlyList<long> contactIds, string reason, string actor, Func<long, bool> canSee, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var rows = await SubjectRows.FindAsync(connection, transaction, contactIds, canSee, cancellationToken);
        var hasher = await ErasureHasher.LoadOrCreateAsync(connection, transaction, now, cancellationToken);
        var work = new ErasureWork(connection, transaction, hasher, rows.WorkspaceId, now);

        var contacts = await work.ReadAsync("Contacts", "NULL", "Handle || char(10) || COALESCE(DisplayName, '')", rows.ContactIds, cancellationToken);
        ReasonCheck.EnsureNotPersonal(reason, contacts);
        foreach (var contact in contacts)
        {
            await work.PseudonymiseAsync("Contacts", TombstoneKind.Contact, contact,
                "Handle = @erased, DisplayName = NULL, Url = NULL, FollowersCount = NULL, Tags = NULL", cancellationToken);
        }

        var theirs = rows.ContactIds.ToHashSet();
        var conversations = (await work.ReadAsync("Conversations", "ContactId", "NULL", rows.ConversationIds, cancellationToken))
            .Where(c => c.ContactId is { } id && theirs.Contains(id)).ToList();
        foreach (var conversation in conversations)
        {
            await work.PseudonymiseAsync("Conversations", TombstoneKind.Conversation, conversation, null, cancellationToken);
        }

        var interactions = await work.ReadAsync("Interactions", "ContactId", "NULL", rows.InteractionIds, cancellationToken);
        var replies = 0;
        foreach (var interaction in interactions)
        {
            if (interaction.ContactId is { } id && theirs.Contains(id))
            {
                var pseudonym = await work.PseudonymiseAsync("Interactions", TombstoneKind.Interaction, interaction, "Text = NULL, Url = NULL", cancellationToken);
                await work.ExecuteAsync("UPDATE Interactions SET InReplyToExternalId = @new WHERE ConnectionId = @c AND InReplyToExternalId = @old",
                    cancellationToken, ("@new", pseudonym), ("@c", interaction.ConnectionId), ("@old", interaction.ExternalId));
            }
            else
            {
                replies++;
                await work.TombstoneAsync(TombstoneKind.InteractionText, interaction, cancellationToken);
                await work.ExecuteAsync("UPDATE Interactions SET Text = NULL, Url = NULL WHERE Id = @id", cancellationToken, ("@id", interaction.Id));
            }
        }

        var moments = await work.ExecuteAsync(
            "UPDATE Moments SET PeopleInvolved = NULL, Change = @erased, ConversationUrl = NULL WHERE Id IN (SELECT value FROM json_each(@ids))",
            cancellationToken, ("@ids", SubjectRows.Json(rows.MomentIds)));
        var publications = await work.ExecuteAsync(
            """
            UPDATE Publications SET Text = @erased,
                Status = CASE WHEN Status IN ('Draft', 'PendingApproval', 'Approved', 'Scheduled') THEN 'Cancelled' ELSE Status END
            WHERE Id IN (SELECT value FROM json_each(@ids))
            """,
            cancellationToken, ("@ids", SubjectRows.Json(rows.PublicationIds)));

        var result = new ErasureResult(rows.WorkspaceId, rows.ContactIds, contacts.Count, conversations.Count, interactions.Count, replies, moments,
            publications, work.NewTombstones);
        var ids = string.Join(",", rows.ContactIds.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        await new AuditTrail(time).AppendAsync(connection, transaction, new AuditEntry(actor, "Subject.Erase", "Contacts", ids,
            string.Create(CultureInfo.InvariantCulture, $"Erased contacts {ids} of workspace {rows.WorkspaceId}. Reason: {reason}. {result.Summary}")),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The statements of one erasure, sharing its transaction and keyed hash.</summary>
    private sealed class ErasureWork(SqliteConnection connection, SqliteTransaction transaction, ErasureHasher hasher, long workspaceId, DateTimeOffset now)
    {
        public int NewTombstones { get; private set; }

        public async Task<List<ErasedRow>> ReadAsync(
            string table, string contactColumn, string namesColumn, IReadOnlyList<long> ids, CancellationToken cancellationToken)
        {
            // Table and column names come from this class only, never from input.
            await using var command = connection.Command(
                    $"SELECT Id, ConnectionId, Network, ExternalId, {contactColumn}, {namesColumn} FROM {table} WHERE Id IN (SELECT value FROM json_each(@ids)) ORDER BY Id",
                    transaction)
                .With("@ids", SubjectRows.Json(ids));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<ErasedRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ErasedRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetNullableInt64(4),
                    reader.GetNullableString(5)));
            }

            return rows;
        }

        /// <summary>Replaces the row's external id by its pseudonym (unless erased before), clears <paramref name="set"/>, adds the tombstone.</summary>
        public async Task<string> PseudonymiseAsync(string table, string kind, ErasedRow row, string? set, CancellationToken cancellationToken)
        {
            var pseudonym = ErasureHasher.IsPseudonym(row.ExternalId) ? row.ExternalId : hasher.Pseudonym(kind, row.ConnectionId, row.ExternalId);
            await TombstoneAsync(kind, row, cancellationToken);
            await ExecuteAsync($"UPDATE {table} SET ExternalId = @e{(set is null ? "" : ", " + set)} WHERE Id = @id", cancellationToken,
                ("@e", pseudonym), ("@id", row.Id));
            return pseudonym;
        }

        public async Task TombstoneAsync(string kind, ErasedRow row, CancellationToken cancellationToken)
        {
            if (!ErasureHasher.IsPseudonym(row.ExternalId))
            {
                NewTombstones += await TombstoneWriter.AddAsync(connection, transaction, hasher, workspaceId, row.ConnectionId, row.Network, kind,
                    [row.ExternalId], now, cancellationToken);
            }
        }

        public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        {
            await using var command = connection.Command(sql, transaction).With("@erased", ErasedText);
            foreach (var (name, value) in parameters)
            {
                command.With(name, value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
