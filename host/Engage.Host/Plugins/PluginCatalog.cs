using Engage.Host.Audit;
using Engage.Host.Store;
using Engage.Sdk.Connectors;
using Engage.Sdk.Metrics;
using Engage.Sdk.Reports;

namespace Engage.Host.Plugins;

/// <summary>
/// The plugins the host found, with their status, and the components the loaded ones registered.
/// Mirrors every status into the <c>Plugins</c> table so it is visible over OData, and appends an audit row for each
/// change of a plugin's status or version (<see cref="PluginAudit"/>).
/// </summary>
internal sealed class PluginCatalog(EngageDatabase database, TimeProvider time, ILogger<PluginCatalog> logger)
{
    private volatile IReadOnlyList<LoadedPlugin> _plugins = [];

    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    public LoadedPlugin? Find(string pluginId) => _plugins.FirstOrDefault(p => p.Id == pluginId);

    public (LoadedPlugin Plugin, IConnector Connector)? FindConnector(string pluginId, string connectorId) =>
        Find(pluginId) is { } plugin && plugin.Connectors.FirstOrDefault(c => c.Info.Id == connectorId) is { } connector
            ? (plugin, connector)
            : null;

    public IEnumerable<(LoadedPlugin Plugin, IMetricCalculator Calculator)> Calculators =>
        _plugins.Where(p => p.IsAvailable).SelectMany(p => p.Calculators.Select(c => (p, c)));

    public (LoadedPlugin Plugin, IReportTemplate Template)? FindTemplate(string name) =>
        _plugins.Where(p => p.IsAvailable).SelectMany(p => p.Templates.Select(t => (p, t))).FirstOrDefault(x => x.t.Info.Name == name) is var (plugin, template)
            && plugin is not null
            ? (plugin, template)
            : null;

    public async Task SetPluginsAsync(IReadOnlyList<LoadedPlugin> plugins, CancellationToken cancellationToken)
    {
        _plugins = plugins;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var before = await PluginAudit.ReadAsync(connection, transaction, null, cancellationToken);
        await using (var clear = connection.Command("DELETE FROM Plugins", transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        var trail = new AuditTrail(time);
        foreach (var plugin in plugins)
        {
            await WriteAsync(connection, transaction, plugin, cancellationToken);
            if (PluginAudit.Changed(plugin, before.GetValueOrDefault(plugin.Id)) is { } entry)
            {
                await trail.AppendAsync(connection, transaction, entry, cancellationToken);
            }
        }

        foreach (var (id, gone) in before.Where(b => plugins.All(p => p.Id != b.Key)).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            await trail.AppendAsync(connection, transaction, PluginAudit.Removed(id, gone), cancellationToken);
        }

        await MetricRegistry.WriteAsync(connection, transaction, Calculators, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records a status change made after loading (a quarantine, an unload), in the table, the audit trail and the log.</summary>
    public void OnStatusChanged(LoadedPlugin plugin)
    {
        logger.LogWarning("Plugin {PluginId} is now {Status}: {Reason}", plugin.Id, plugin.Status, plugin.Reason);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                await using var transaction = connection.BeginTransaction();
                var before = await PluginAudit.ReadAsync(connection, transaction, plugin.Id, CancellationToken.None);
                await WriteAsync(connection, transaction, plugin, CancellationToken.None);
                if (PluginAudit.Changed(plugin, before.GetValueOrDefault(plugin.Id)) is { } entry)
                {
                    await new AuditTrail(time).AppendAsync(connection, transaction, entry, CancellationToken.None);
                }

                await transaction.CommitAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not record the status of plugin {PluginId}", plugin.Id);
            }
        });
    }

    /// <summary>
    /// Unloads a plugin's code. Returns false when its load context is still alive after the deadline
    /// (something still holds one of its types): the plugin is then only fully gone after a restart.
    /// </summary>
    public async Task<bool> UnloadAsync(LoadedPlugin plugin, TimeSpan deadline)
    {
        // Detached in a separate method: a local in this async method would live in its state machine
        // and keep the load context alive for the whole wait.
        var weak = Detach(plugin);
        plugin.SetStatus(PluginStatus.Unloaded, "unloaded on request");
        if (weak is null)
        {
            OnStatusChanged(plugin);
            return true;
        }

        var until = time.GetUtcNow() + deadline;
        while (weak.IsAlive && time.GetUtcNow() < until)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(20);
        }

        if (weak.IsAlive)
        {
            plugin.SetStatus(PluginStatus.Unloaded, "unload requested but its code is still referenced: restart required");
            logger.LogWarning("Plugin {PluginId} did not unload within {Deadline}; restart Engage to release it", plugin.Id, deadline);
        }

        OnStatusChanged(plugin);
        return !weak.IsAlive;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference? Detach(LoadedPlugin plugin)
    {
        var context = plugin.Context;
        plugin.Connectors = [];
        plugin.Calculators = [];
        plugin.Templates = [];
        plugin.Context = null;
        if (context is null)
        {
            return null;
        }

        var weak = new WeakReference(context);
        context.Unload();
        return weak;
    }

    private async Task WriteAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? transaction,
        LoadedPlugin plugin, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
                """
                INSERT INTO Plugins (Id, DisplayName, Version, Kinds, SdkRange, Status, Reason, Folder, UpdatedAt)
                VALUES (@id, @dn, @v, @k, @r, @s, @reason, @f, @at)
                ON CONFLICT (Id) DO UPDATE SET DisplayName = @dn, Version = @v, Kinds = @k, SdkRange = @r, Status = @s,
                    Reason = @reason, Folder = @f, UpdatedAt = @at
                """, transaction)
            .With("@id", plugin.Id).With("@dn", plugin.DisplayName).With("@v", plugin.Version).With("@k", plugin.Kinds)
            .With("@r", plugin.SdkRange).With("@s", plugin.Status.ToString()).With("@reason", plugin.Reason)
            .With("@f", Path.GetFileName(plugin.Folder)).With("@at", DbTime.Format(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
