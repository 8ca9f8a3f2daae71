using System.Text.Json;
using Engage.Host.Store;
using Engage.Sdk.Connectors;
using Microsoft.AspNetCore.DataProtection;

namespace Engage.Host.Sync;

/// <summary>
/// A connection's secrets, encrypted at rest with ASP.NET Core Data Protection (key ring in the data
/// folder) and handed to the plugin only when it asks for one by name.
/// </summary>
internal sealed class ConnectionSecrets(EngageDatabase database, IDataProtector protector, long connectionId) : ISecretAccessor
{
    public const string Purpose = "Engage.ConnectionSecrets.v1";

    public async ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await ReadAllAsync(cancellationToken)).GetValueOrDefault(name);

    public async ValueTask SetAsync(string name, string? value, CancellationToken cancellationToken)
    {
        var all = await ReadAllAsync(cancellationToken);
        if (value is null)
        {
            all.Remove(name);
        }
        else
        {
            all[name] = value;
        }

        await WriteAllAsync(database, protector, connectionId, all, cancellationToken);
    }

    public static async Task WriteAllAsync(
        EngageDatabase database, IDataProtector protector, long connectionId, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        var blob = secrets.Count == 0 ? null : protector.Protect(JsonSerializer.SerializeToUtf8Bytes(secrets));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("UPDATE Connections SET Secrets = @s WHERE Id = @id")
            .With("@s", blob).With("@id", connectionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Dictionary<string, string>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT Secrets FROM Connections WHERE Id = @id").With("@id", connectionId);
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] blob
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(blob)) ?? []
            : [];
    }
}
