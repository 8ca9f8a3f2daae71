using System.Globalization;
using Engage.Host.Audit;
using Engage.Host.Operator;
using Engage.Host.Store;

namespace Engage.Host.Security;

/// <summary>
/// The operator's key management on the box (<c>keys create|list|revoke</c>). Each change appends an audit row in
/// the same transaction. The secret is printed once by <c>create</c> and nowhere else: not in the list, the audit
/// row or any message.
/// </summary>
internal sealed class OperatorKeys(EngageDatabase database, TimeProvider time, TextWriter output)
{
    /// <summary>The Actor of audit rows written from the command line.</summary>
    public const string Actor = "operator (command line)";

    public async Task CreateAsync(KeyRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        foreach (var workspace in request.Workspaces ?? [])
        {
            await using var exists = connection.Command("SELECT EXISTS (SELECT 1 FROM Workspaces WHERE Id = @w)", transaction).With("@w", workspace);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 1)
            {
                throw new OperatorException(OperatorException.Refused, $"Workspace {workspace} does not exist; no key was created. The workspaces are listed at /odata/Workspaces.");
            }
        }

        var now = time.GetUtcNow();
        var key = await ApiKeyStore.InsertAsync(connection, transaction, request.Name, request.Role, request.StoredWorkspaces, request.ExpiresAt, now, cancellationToken);
        var scope = ApiKeyAudit.Scope(request.StoredWorkspaces, request.ExpiresAt);
        await new AuditTrail(time).AppendAsync(connection, transaction,
            ApiKeyAudit.Created(Actor, key.Id, request.Name, request.Role, request.StoredWorkspaces, request.ExpiresAt, key.Prefix), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        output.WriteLine($"Created API key {Id(key.Id)} for '{request.Name}': {request.Role}, {scope}.");
        output.WriteLine();
        output.WriteLine($"  {key.Secret}");
        output.WriteLine();
        output.WriteLine("Store this key now (a password manager or the client's secret store). It is shown this once:");
        output.WriteLine("Engage keeps only its hash and cannot show it again. If it is lost, revoke it and create another.");
    }

    public async Task ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT Id, Name, Role, Workspaces, Prefix, CreatedAt, ExpiresAt, RevokedAt, LastUsedAt FROM ApiKeys ORDER BY Id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string[]> { new[] { "Id", "Name", "Role", "Workspaces", "Prefix", "Created", "Expires", "Revoked", "Last used" } };
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(
            [
                Id(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3) ?? "all",
                ApiKeyStore.DisplayPrefix(reader.GetString(4)), reader.GetString(5), reader.GetNullableString(6) ?? "never",
                reader.GetNullableString(7) ?? "-", reader.GetNullableString(8) ?? "never",
            ]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((value, c) => value.PadRight(widths[c]))).TrimEnd());
        }

        output.WriteLine(rows.Count == 1 ? "No keys." : $"{rows.Count - 1} key(s). Secrets are never shown again; revoke a lost key and create another.");
    }

    public async Task RevokeAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        string name;
        string prefix;
        await using (var find = connection.Command("SELECT Name, Prefix, RevokedAt FROM ApiKeys WHERE Id = @id", transaction).With("@id", id))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new OperatorException(OperatorException.Refused, $"There is no key {Id(id)}; 'keys list' shows the keys.");
            }

            if (reader.GetNullableString(2) is { } revokedAt)
            {
                throw new OperatorException(OperatorException.Refused, $"Key {Id(id)} was already revoked at {revokedAt}.");
            }

            name = reader.GetString(0);
            prefix = ApiKeyStore.DisplayPrefix(reader.GetString(1));
        }

        var now = DbTime.Format(time.GetUtcNow());
        await using (var revoke = connection.Command("UPDATE ApiKeys SET RevokedAt = @at WHERE Id = @id", transaction).With("@at", now).With("@id", id))
        {
            await revoke.ExecuteNonQueryAsync(cancellationToken);
        }

        await new AuditTrail(time).AppendAsync(connection, transaction,
            ApiKeyAudit.Revoked(Actor, id, name, prefix), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        output.WriteLine($"Revoked API key {Id(id)} ('{name}', {prefix}) at {now}. Requests with it now answer 401.");
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
