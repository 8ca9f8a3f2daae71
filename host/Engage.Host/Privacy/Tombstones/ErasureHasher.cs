using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Privacy.Tombstones;

/// <summary>
/// The keyed hash behind tombstones and anonymised external ids: HMAC-SHA256 under a random 256-bit key kept in
/// <c>ErasureKey</c>, over the kind, the connection and the external id. Without the key the hash cannot be reversed
/// or tested against guessed ids (sequential network ids would make a plain hash trivial to reverse).
/// </summary>
internal sealed class ErasureHasher(byte[] key)
{
    /// <summary>What an anonymised row's <c>ExternalId</c> starts with.</summary>
    public const string Prefix = "erased:";

    /// <summary>The hash of one item of one connection, as lower-case hex.</summary>
    public string Hash(string kind, long connectionId, string externalId)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{kind}\n{connectionId}\n{externalId}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The external id an anonymised row keeps: stable, so a re-sync finds the row again.</summary>
    public string Pseudonym(string kind, long connectionId, string externalId) => Prefix + Hash(kind, connectionId, externalId);

    /// <summary>Whether an external id is already an anonymised one (erasing twice must not hash the hash).</summary>
    public static bool IsPseudonym(string externalId) => externalId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The installation's key, or null when nothing was ever erased.</summary>
    public static async Task<ErasureHasher?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT Key FROM ErasureKey WHERE Id = 1", transaction);
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] key ? new ErasureHasher(key) : null;
    }

    /// <summary>The installation's key, created (256 random bits) by the first erasure.</summary>
    public static async Task<ErasureHasher> LoadOrCreateAsync(
        SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var create = connection.Command("INSERT OR IGNORE INTO ErasureKey (Id, Key, CreatedAt) VALUES (1, @k, @at)", transaction)
                         .With("@k", RandomNumberGenerator.GetBytes(32)).With("@at", DbTime.Format(now)))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await LoadAsync(connection, transaction, cancellationToken))!;
    }
}
