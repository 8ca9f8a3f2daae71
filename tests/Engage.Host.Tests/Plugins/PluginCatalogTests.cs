using System.Runtime.CompilerServices;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Tests.Infrastructure;
using Engage.Sdk.Connectors;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Plugins;

/// <summary>Unloading a collectible plugin through the catalog.</summary>
public sealed class PluginCatalogTests : IDisposable
{
    private readonly FixturePluginBuilder _fixtures = new();

    [Fact]
    public async Task UnloadAsync_PluginThatWasLoadedAndCalled_ItsLoadContextIsCollected()
    {
        using var database = await TestDatabase.CreateAsync();
        var catalog = new PluginCatalog(database.Database, TimeProvider.System, NullLogger<PluginCatalog>.Instance);
        var (plugin, context, handle) = await LoadAndUseAsync(_fixtures, catalog);
        handle.Should().Be("@fixture@example.social");

        var unloaded = await catalog.UnloadAsync(plugin, TimeSpan.FromSeconds(10));

        unloaded.Should().BeTrue("nothing outside the plugin holds its types; {0}", plugin.Reason);
        context.IsAlive.Should().BeFalse();
        plugin.Status.Should().Be(PluginStatus.Unloaded);
        plugin.Reason.Should().Be("unloaded on request");
        plugin.Connectors.Should().BeEmpty();
        catalog.FindConnector("fixture.unload", "unload").Should().BeNull();
        (await StatusInTableAsync(database)).Should().Be("Unloaded");
    }

    public void Dispose() => _fixtures.Dispose();

    /// <summary>Loads, registers with the catalog and pulls once; returns no reference to any plugin type.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(LoadedPlugin Plugin, WeakReference Context, string Handle)> LoadAndUseAsync(
        FixturePluginBuilder fixtures, PluginCatalog catalog)
    {
        fixtures.AddPlugin("fixture.unload", "unload", FixtureSources.Plugin("unload"));
        var plugins = await fixtures.LoadAllAsync();
        await catalog.SetPluginsAsync(plugins, CancellationToken.None);
        var plugin = plugins.Single();
        if (plugin.Status != PluginStatus.Loaded)
        {
            throw new InvalidOperationException($"The fixture did not load: {plugin.Reason}");
        }

        var handle = await PullOnceAsync(catalog);
        return (plugin, new WeakReference(plugin.Context), handle);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> PullOnceAsync(PluginCatalog catalog)
    {
        var (plugin, connector) = catalog.FindConnector("fixture.unload", "unload")!.Value;
        var invoker = new PluginInvoker(new PluginInvokerOptions(), NullLogger<PluginInvoker>.Instance);
        await using var session = await invoker.InvokeAsync(plugin, "connect", ct => connector.ConnectAsync(new FixtureConnectorContext(), ct), CancellationToken.None);
        var batch = await invoker.InvokeAsync(plugin, "pull", ct => ((IPullSession)session).PullAsync(null, ct), CancellationToken.None);
        return batch.Accounts.Single().Handle;
    }

    /// <summary>The status shown in the Plugins entity set, once the catalog's background write landed.</summary>
    private static async Task<string?> StatusInTableAsync(TestDatabase database)
    {
        string? status = null;
        for (var attempt = 0; attempt < 100 && status != "Unloaded"; attempt++)
        {
            status = (string?)await database.ScalarAsync("SELECT Status FROM Plugins WHERE Id = @id", ("@id", "fixture.unload"));
            await Task.Delay(50);
        }

        return status;
    }
}
