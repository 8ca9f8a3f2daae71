using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Privacy.Tombstones;

/// <summary>Records erased items (their keyed hashes only); recording one twice is harmless.</summary>
internal static class TombstoneWriter
{
    /// <summary>Adds one tombstone per external id and answers how many were new.</summary>
    public static async Task<int> AddAsync(
        SqliteConnection connection, SqliteTransaction transaction, ErasureHasher hasher, long workspaceId, long connectionId, string network,
        string kind, IEnumerable<string> externalIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var externalId in externalIds)
        {
            await using var insert = connection.Command(
                    """
                    INSERT OR IGNORE INTO Tombstones (WorkspaceId, ConnectionId, Network, Kind, KeyHash, ErasedAt)
                    VALUES (@w, @c, @n, @k, @h, @at)
                    """,
                    transaction)
                .With("@w", workspaceId).With("@c", connectionId).With("@n", network).With("@k", kind)
                .With("@h", hasher.Hash(kind, connectionId, externalId)).With("@at", DbTime.Format(now));
            added += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }
}
