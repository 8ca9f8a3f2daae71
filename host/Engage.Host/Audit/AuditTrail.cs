using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Audit;

/// <summary>
/// Appends audit rows inside the caller's transaction, so a row commits or rolls back with the change it
/// describes. The last hash is read inside that (write) transaction: SQLite lets one writer at a time, so
/// appends are serialized and the chain cannot fork.
/// </summary>
internal sealed class AuditTrail(TimeProvider time)
{
    /// <summary>Appends <paramref name="entry"/> and answers the new row's Id.</summary>
    public async Task<long> AppendAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        string previous;
        await using (var last = connection.Command("SELECT Hash FROM AuditEvents ORDER BY Id DESC LIMIT 1", transaction))
        {
            previous = await last.ExecuteScalarAsync(cancellationToken) as string ?? AuditHash.Genesis;
        }

        var at = DbTime.Format(time.GetUtcNow());
        var hash = AuditHash.Compute(previous, at, entry.Actor, entry.Action, entry.EntitySet, entry.EntityId, entry.Details);
        await using var insert = connection.Command(
                """
                INSERT INTO AuditEvents (At, Actor, Action, EntitySet, EntityId, Details, PreviousHash, Hash)
                VALUES (@at, @actor, @action, @set, @id, @details, @previous, @hash) RETURNING Id
                """,
                transaction)
            .With("@at", at).With("@actor", entry.Actor).With("@action", entry.Action).With("@set", entry.EntitySet)
            .With("@id", entry.EntityId).With("@details", entry.Details).With("@previous", previous).With("@hash", hash);
        return await insert.InsertAsync(cancellationToken);
    }
}
