using System.Globalization;
using Engage.Host.Hosting;
using Engage.Host.Store;
using Engage.Host.Sync;

namespace Engage.Host.Demo;

/// <summary>
/// On a fresh data folder, creates the demo workspace with one connection to the bundled demo connector
/// (plugin <c>engage.demo</c>), due at once, so a newcomer sees data within seconds. The connection is set up by
/// <see cref="ConnectionSetup"/>, as <c>POST /odata/Connections</c> sets one up.
/// </summary>
internal static class DemoWorkspace
{
    public const string PluginId = "engage.demo";
    public const string ConnectorId = "demo";

    /// <summary>Creates the workspace and its connection unless a workspace of that name exists; the demo connector must be loaded.</summary>
    public static async Task<long?> EnsureAsync(
        EngageDatabase database, ConnectionSetup setup, EngageOptions.DemoOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var lookup = setup.Find(PluginId, ConnectorId);
        if (!lookup.Found)
        {
            throw new InvalidOperationException(lookup.PluginProblem ?? lookup.ConnectorProblem);
        }

        var entered = new Dictionary<string, string?> { ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture) };
        var change = SettingsChange.Apply(lookup.Connector!.Info, entered, new Dictionary<string, string>());
        var problems = await setup.CheckAsync(lookup.Plugin!, lookup.Connector, change, cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The demo connection's settings are invalid: " + string.Join(" ", problems.Select(p => p.Message)));
        }

        var values = setup.New(lookup.Connector, change, options.SyncIntervalSeconds);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var exists = connection.Command("SELECT Id FROM Workspaces WHERE Name = @n", transaction).With("@n", options.WorkspaceName))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return null;
            }
        }

        await using var workspace = connection.Command(
                "INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES (@n, @tz, @at) RETURNING Id", transaction)
            .With("@n", options.WorkspaceName).With("@tz", options.TimeZone).With("@at", DbTime.Format(time.GetUtcNow()));
        var workspaceId = await workspace.InsertAsync(cancellationToken);
        await using var connector = connection.Command(
                """
                INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, Status, IntervalSeconds, Settings, Secrets, NextSyncAt, CreatedAt)
                VALUES (@w, @p, @c, @net, 'Demo data', @st, @i, @s, @secrets, @next, @at)
                """, transaction)
            .With("@w", workspaceId).With("@p", PluginId).With("@c", ConnectorId).With("@net", values.Network).With("@st", values.Status)
            .With("@i", values.IntervalSeconds).With("@s", values.Settings).With("@secrets", values.Secrets)
            .With("@next", DbTime.Format(values.NextSyncAt)).With("@at", DbTime.Format(values.CreatedAt));
        await connector.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return workspaceId;
    }
}
