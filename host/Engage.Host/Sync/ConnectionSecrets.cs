using System.Text.Json;
using Engage.Host.Security.Secrets;
using Engage.Host.Store;
using Engage.Sdk.Connectors;
using Microsoft.AspNetCore.DataProtection;

namespace Engage.Host.Sync;

/// <summary>
/// A connection's secrets, encrypted at rest with ASP.NET Core Data Protection (key ring in the data
/// folder) and handed to the plugin only when it asks for one by name. When the connector stores one of its
/// declared secret settings itself (a refreshed token), the <c>Settings</c> column's marker follows
/// (<see cref="ConnectionSettings.SetMarker"/> while it is set), and so does the run's <see cref="SecretRedactor"/>.
/// </summary>
internal sealed class ConnectionSecrets(
    EngageDatabase database, IDataProtector protector, long connectionId, ConnectorInfo? connector = null, SecretRedactor? redactor = null) : ISecretAccessor
{
    public const string Purpose = "Engage.ConnectionSecrets.v1";

    /// <summary>Every secret the connection has stored (decrypted); empty when it has none.</summary>
    public async Task<Dictionary<string, string>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT Secrets FROM Connections WHERE Id = @id").With("@id", connectionId);
        return Unprotect(protector, await command.ExecuteScalarAsync(cancellationToken) as byte[]);
    }

    public async ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT Secrets FROM Connections WHERE Id = @id").With("@id", connectionId);
        return Unprotect(protector, await command.ExecuteScalarAsync(cancellationToken) as byte[]).GetValueOrDefault(name);
    }

    public async ValueTask SetAsync(string name, string? value, CancellationToken cancellationToken)
    {
        redactor?.Add(value);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        Dictionary<string, string> all;
        string settings;
        await using (var read = connection.Command("SELECT Secrets, Settings FROM Connections WHERE Id = @id", transaction).With("@id", connectionId))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return;
            }

            all = Unprotect(protector, reader.IsDBNull(0) ? null : (byte[])reader[0]);
            settings = reader.GetString(1);
        }

        if (value is null)
        {
            all.Remove(name);
        }
        else
        {
            all[name] = value;
        }

        if (connector?.Settings.Any(s => s.IsSecret && s.Name == name) == true
            && ConnectionSettings.TryParse(settings, out var shown, out _))
        {
            var nonSecret = shown.Where(s => !connector.Settings.Any(d => d.IsSecret && d.Name == s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
            settings = ConnectionSettings.Stored(connector, nonSecret, all.Keys);
        }

        await using (var write = connection.Command("UPDATE Connections SET Secrets = @s, Settings = @t WHERE Id = @id", transaction)
            .With("@s", Protect(protector, all)).With("@t", settings).With("@id", connectionId))
        {
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The encrypted form of <paramref name="secrets"/>; null when there are none.</summary>
    public static byte[]? Protect(IDataProtector protector, IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? null : protector.Protect(JsonSerializer.SerializeToUtf8Bytes(secrets));

    public static Dictionary<string, string> Unprotect(IDataProtector protector, byte[]? blob) =>
        blob is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(blob)) ?? [], StringComparer.Ordinal);
}
