using System.Globalization;
using Engage.Host.Audit;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Plugins;

/// <summary>
/// Audit rows for plugin status changes, written by the catalog in the transaction that updates the <c>Plugins</c>
/// table: actor "system", action <c>Plugin.Loaded|Refused|Failed|Quarantined|Unloaded</c> when a plugin appears, changes
/// status or version, <c>Plugin.Removed</c> when its folder is gone at start. A restart that finds every plugin as
/// it was appends nothing.
/// </summary>
internal static class PluginAudit
{
    public const string Actor = "system";

    /// <summary>Characters of a status reason kept in Details.</summary>
    public const int MaxReasonLength = 300;

    /// <summary>A plugin's row as it was before the change.</summary>
    public sealed record Before(string Status, string? Version);

    public static async Task<Dictionary<string, Before>> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, string? pluginId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT Id, Status, Version FROM Plugins WHERE @id IS NULL OR Id = @id", transaction).With("@id", pluginId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, Before>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[reader.GetString(0)] = new Before(reader.GetString(1), reader.GetNullableString(2));
        }

        return rows;
    }

    /// <summary>The entry for <paramref name="plugin"/> now, or null when its status and version are as before.</summary>
    public static AuditEntry? Changed(LoadedPlugin plugin, Before? before)
    {
        var status = plugin.Status.ToString();
        if (before is not null && before.Status == status && before.Version == plugin.Version)
        {
            return null;
        }

        var parts = new List<string>
        {
            before is null || before.Status == status ? $"Status: '{status}'" : $"Status: '{before.Status}' -> '{status}'",
            before is null || before.Version == plugin.Version ? $"Version: {Text(plugin.Version)}" : $"Version: {Text(before.Version)} -> {Text(plugin.Version)}",
        };
        if (plugin.Reason is { Length: > 0 } reason)
        {
            parts.Add("Reason: " + Text(reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "…"));
        }

        return new AuditEntry(Actor, "Plugin." + status, "Plugins", plugin.Id, string.Join("; ", parts));
    }

    /// <summary>The entry for a plugin whose folder is gone.</summary>
    public static AuditEntry Removed(string pluginId, Before before) =>
        new(Actor, "Plugin.Removed", "Plugins", pluginId, string.Create(CultureInfo.InvariantCulture, $"No longer in the plugins folder; was '{before.Status}', version {Text(before.Version)}"));

    private static string Text(string? value) => value is null ? "null" : "'" + value.ReplaceLineEndings(" ") + "'";
}
