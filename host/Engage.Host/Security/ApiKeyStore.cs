using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Security;

/// <summary>
/// API keys: 256 random bits, shown once, stored only as a SHA-256 hash and looked up by a short public
/// prefix; compared in constant time. Roles and workspace scopes are enforced by <see cref="Access.AccessPolicy"/>.
/// </summary>
internal sealed class ApiKeyStore(EngageDatabase database, TimeProvider time)
{
    private const string KeyPrefix = "engage_";
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private readonly ConcurrentDictionary<long, DateTimeOffset> _lastUsedWritten = new();

    /// <summary>Who a valid key belongs to: its row, its name (recorded as the actor), its role and the workspaces it reaches.</summary>
    public sealed record Principal(long KeyId, string Name, Role Role, WorkspaceSet Workspaces);

    /// <summary>A key just created: its row Id, its public lookup prefix, and the secret shown this once.</summary>
    public sealed record NewKey(long Id, string Prefix, string Secret);

    /// <summary>A new key's secret, the lookup prefix stored for it, and the hash stored instead of it.</summary>
    public sealed record KeyMaterial(string Secret, string LookupPrefix, string Hash)
    {
        /// <summary>The prefix as people see it (<see cref="DisplayPrefix(string)"/>).</summary>
        public string Display => KeyPrefix + LookupPrefix;
    }

    /// <summary>The Actor of the audit row of the key created at first start.</summary>
    public const string SystemActor = "system";

    /// <summary>
    /// Creates a key for all workspaces, without expiry, and returns its secret: the only time the secret exists outside
    /// the caller (the first admin key). Its audit row (actor "system") commits with it.
    /// </summary>
    public async Task<string> CreateAsync(string name, string role, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var key = await InsertAsync(connection, transaction, name, role, null, null, time.GetUtcNow(), cancellationToken);
        await new Audit.AuditTrail(time).AppendAsync(connection, transaction,
            ApiKeyAudit.Created(SystemActor, key.Id, name, role, null, null, key.Prefix), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return key.Secret;
    }

    /// <summary>256 random bits as a new key (<c>engage_</c> + base64url), its lookup prefix and its hash.</summary>
    public static KeyMaterial Generate()
    {
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return new KeyMaterial(secret, LookupPrefix(secret), Hash(secret));
    }

    /// <summary>
    /// Creates a key inside the caller's transaction (so an audit row can commit with it). <paramref name="workspaces"/>
    /// is the comma-separated list of workspace Ids, null for all.
    /// </summary>
    public static async Task<NewKey> InsertAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string name, string role, string? workspaces, DateTimeOffset? expiresAt,
        DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var key = Generate();
        await using var command = connection.Command(
                "INSERT INTO ApiKeys (Name, Role, Prefix, Hash, Workspaces, CreatedAt, ExpiresAt) VALUES (@n, @r, @p, @h, @w, @at, @exp) RETURNING Id",
                transaction)
            .With("@n", name).With("@r", role).With("@p", key.LookupPrefix).With("@h", key.Hash).With("@w", workspaces)
            .With("@at", DbTime.Format(createdAt)).With("@exp", DbTime.Format(expiresAt));
        var id = await command.InsertAsync(cancellationToken);
        return new NewKey(id, key.Display, key.Secret);
    }

    /// <summary>How a stored lookup prefix is shown: with the key's fixed start, as the operator sees it in the key.</summary>
    public static string DisplayPrefix(string storedPrefix) => KeyPrefix + storedPrefix;

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT EXISTS (SELECT 1 FROM ApiKeys)");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>The principal of a valid, unrevoked, unexpired key; null otherwise.</summary>
    public async Task<Principal?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (presented.Length is < 20 or > 200 || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT Id, Name, Role, Hash, ExpiresAt, RevokedAt, Workspaces FROM ApiKeys WHERE Prefix = @p")
            .With("@p", LookupPrefix(presented));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var stored = Convert.FromHexString(reader.GetString(3));
        var valid = CryptographicOperations.FixedTimeEquals(stored, SHA256.HashData(Encoding.UTF8.GetBytes(presented)))
            && reader.IsDBNull(5)
            && (reader.IsDBNull(4) || DbTime.ParseTimestamp(reader.GetString(4)) > now);
        if (!valid)
        {
            return null;
        }

        // A role or workspace list this build cannot read grants nothing (fail closed), as if the key were unknown.
        var workspaces = WorkspaceSet.Parse(reader.IsDBNull(6) ? null : reader.GetString(6));
        var roleText = reader.GetString(2);
        if (!Enum.TryParse<Role>(roleText, ignoreCase: false, out var role) || role.ToString() != roleText || workspaces is null
            || (workspaces.All && role != Role.Admin))
        {
            return null;
        }

        var principal = new Principal(reader.GetInt64(0), reader.GetString(1), role, workspaces);
        await reader.CloseAsync();
        await TouchAsync(connection, principal.KeyId, now, cancellationToken);
        return principal;
    }

    private async Task TouchAsync(SqliteConnection connection, long keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Last-used time to the minute: one write per key per minute, not one per request.
        if (_lastUsedWritten.TryGetValue(keyId, out var written) && now - written < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastUsedWritten[keyId] = now;
        await using var command = connection.Command("UPDATE ApiKeys SET LastUsedAt = @at WHERE Id = @id")
            .With("@at", DbTime.Format(now)).With("@id", keyId);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            // Bookkeeping only: a database held past the busy timeout by a long write must not fail the request. The
            // time stays cached, so the next attempt is a minute later rather than on every request.
        }
    }

    private static string LookupPrefix(string secret) => secret.Substring(KeyPrefix.Length, 8);

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
