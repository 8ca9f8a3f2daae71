using Engage.Host.Plugins;
using Engage.Host.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Audit;

/// <summary>Plugin status changes append audit rows (actor "system"); a restart that finds every plugin as it was appends none.</summary>
public sealed class PluginAuditTests
{
    [Fact]
    public async Task SetPlugins_NewChangedAndRemovedPlugins_AreAudited_UnchangedOnesAreNot()
    {
        using var database = await TestDatabase.CreateAsync();
        var catalog = new PluginCatalog(database.Database, TimeProvider.System, NullLogger<PluginCatalog>.Instance);

        await catalog.SetPluginsAsync([Plugin("acme.feed", "1.0.0", PluginStatus.Loaded), Plugin("acme.old", "0.9.0", PluginStatus.Refused, "needs SDK 2.x")], CancellationToken.None);
        var first = await AuditRows.AfterAsync(database.Folder);
        await catalog.SetPluginsAsync([Plugin("acme.feed", "1.0.0", PluginStatus.Loaded), Plugin("acme.old", "0.9.0", PluginStatus.Refused, "needs SDK 2.x")], CancellationToken.None);
        var restart = await AuditRows.AfterAsync(database.Folder, first[^1].Id);
        await catalog.SetPluginsAsync([Plugin("acme.feed", "1.1.0", PluginStatus.Failed, "FileNotFoundException: Acme.Http.dll")], CancellationToken.None);
        var upgrade = await AuditRows.AfterAsync(database.Folder, first[^1].Id);

        first.Select(r => (r.Actor, r.Action, r.EntitySet, r.EntityId, r.Details)).Should().Equal(
            ("system", "Plugin.Loaded", "Plugins", "acme.feed", "Status: 'Loaded'; Version: '1.0.0'"),
            ("system", "Plugin.Refused", "Plugins", "acme.old", "Status: 'Refused'; Version: '0.9.0'; Reason: 'needs SDK 2.x'"));
        restart.Should().BeEmpty("nothing changed");
        upgrade.Select(r => (r.Action, r.EntityId, r.Details)).Should().Equal(
            ("Plugin.Failed", "acme.feed", "Status: 'Loaded' -> 'Failed'; Version: '1.0.0' -> '1.1.0'; Reason: 'FileNotFoundException: Acme.Http.dll'"),
            ("Plugin.Removed", "acme.old", "No longer in the plugins folder; was 'Refused', version '0.9.0'"));
        (await AuditRows.VerifyAsync(database.Folder)).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task OnStatusChanged_Quarantine_IsAudited()
    {
        using var database = await TestDatabase.CreateAsync();
        var catalog = new PluginCatalog(database.Database, TimeProvider.System, NullLogger<PluginCatalog>.Instance);
        var plugin = Plugin("acme.flaky", "2.0.0", PluginStatus.Loaded);
        await catalog.SetPluginsAsync([plugin], CancellationToken.None);
        var loaded = await AuditRows.LastIdAsync(database.Folder);

        plugin.RecordFault(1, "pull: timed out").Should().BeTrue();
        catalog.OnStatusChanged(plugin);

        var rows = await WaitForRowsAsync(database.Folder, loaded);
        var row = rows.Should().ContainSingle().Subject;
        row.Action.Should().Be("Plugin.Quarantined");
        row.Actor.Should().Be("system");
        row.Details.Should().StartWith("Status: 'Loaded' -> 'Quarantined'; Version: '2.0.0'; Reason: 'Quarantined after 1 failures in a row; last: pull: timed out.");
        (await AuditRows.VerifyAsync(database.Folder)).Intact.Should().BeTrue();
    }

    private static LoadedPlugin Plugin(string id, string version, PluginStatus status, string? reason = null)
    {
        var plugin = new LoadedPlugin(id, "/plugins/" + id) { Version = version, DisplayName = id };
        plugin.SetStatus(status, reason);
        return plugin;
    }

    /// <summary>The catalog records a later status change in the background: wait (generously) for its row.</summary>
    private static async Task<IReadOnlyList<AuditRow>> WaitForRowsAsync(string folder, long afterId)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var rows = await AuditRows.AfterAsync(folder, afterId);
            if (rows.Count > 0)
            {
                return rows;
            }

            await Task.Delay(50);
        }

        return [];
    }
}
