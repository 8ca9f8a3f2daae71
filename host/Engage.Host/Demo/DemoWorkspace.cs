using System.Text.Json;
using Engage.Host.Hosting;
using Engage.Host.Store;

namespace Engage.Host.Demo;

/// <summary>
/// On a fresh data folder, creates the demo workspace with one connection to the bundled demo connector
/// (plugin <c>engage.demo</c>), due at once, so a newcomer sees data within seconds.
/// </summary>
internal static class DemoWorkspace
{
    public const string PluginId = "engage.demo";
    public const string ConnectorId = "demo";

    public static async Task<long?> EnsureAsync(EngageDatabase database, EngageOptions.DemoOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var exists = connection.Command("SELECT Id FROM Workspaces WHERE Name = @n", transaction).With("@n", options.WorkspaceName))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return null;
            }
        }

        var now = DbTime.Format(time.GetUtcNow());
        await using var workspace = connection.Command(
                "INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES (@n, @tz, @at) RETURNING Id", transaction)
            .With("@n", options.WorkspaceName).With("@tz", options.TimeZone).With("@at", now);
        var workspaceId = await workspace.InsertAsync(cancellationToken);
        var settings = JsonSerializer.Serialize(new Dictionary<string, string> { ["seed"] = options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var connector = connection.Command(
                """
                INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, IntervalSeconds, Settings, NextSyncAt, CreatedAt)
                VALUES (@w, @p, @c, 'demo', 'Demo data', @i, @s, @at, @at)
                """, transaction)
            .With("@w", workspaceId).With("@p", PluginId).With("@c", ConnectorId).With("@i", options.SyncIntervalSeconds)
            .With("@s", settings).With("@at", now);
        await connector.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return workspaceId;
    }
}
