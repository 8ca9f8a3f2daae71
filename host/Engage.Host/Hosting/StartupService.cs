using Engage.Host.Backup;
using Engage.Host.Demo;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Loading;
using Engage.Host.Security;
using Engage.Host.Store;
using Engage.Host.Sync;
using Microsoft.Extensions.Options;

namespace Engage.Host.Hosting;

/// <summary>
/// Runs before anything else starts: creates the data folder (and holds its <c>engage.lock</c>) and database (migrations), loads the
/// plugins, creates the first admin key and the demo workspace on a fresh data folder.
/// </summary>
internal sealed class StartupService(
    EngagePaths paths,
    IOptions<EngageOptions> options,
    EngageDatabase database,
    PluginCatalog catalog,
    ApiKeyStore keys,
    ConnectionSetup connections,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Engage.Startup");
    private DataFolderLock? _lock;

    public string? NewAdminKeyFile { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.Data);
        _logger.LogInformation("Data folder: {Data}", paths.Data);
        _lock = DataFolderLock.TryAcquire(paths.Data);
        if (_lock is null)
        {
            _logger.LogWarning("Another process holds {Lock}: is a second Engage server using this data folder?", Path.Combine(paths.Data, DataFolderLock.FileName));
        }

        await database.InitializeAsync(_logger, cancellationToken);

        var settings = options.Value;
        var journal = new BootJournal(paths.BootJournal);
        var loader = new PluginLoader(journal, TimeSpan.FromSeconds(settings.Plugins.RegisterTimeoutSeconds), loggers.CreateLogger("Engage.Plugins"), time);
        _logger.LogInformation("Loading plugins from {Plugins}", paths.Plugins);
        var plugins = await loader.LoadAllAsync(paths.Plugins, cancellationToken);
        await catalog.SetPluginsAsync(plugins, cancellationToken);
        _logger.LogInformation("{Loaded} of {Found} plugins loaded", plugins.Count(p => p.IsAvailable), plugins.Count);

        NewAdminKeyFile = await AdminKeyBootstrap.EnsureAsync(keys, paths.Data, cancellationToken);
        if (NewAdminKeyFile is not null)
        {
            _logger.LogWarning("Created the first admin API key; it is in {File} (readable only by this user)", NewAdminKeyFile);
        }

        if (settings.Demo.Enabled)
        {
            if (connections.Find(DemoWorkspace.PluginId, DemoWorkspace.ConnectorId) is { Found: false } missing)
            {
                _logger.LogWarning(
                    "The demo is enabled but its connector is not available ({Problem}), so no demo workspace was created; build the solution so artifacts/plugins holds plugin {Plugin}, then restart",
                    missing.PluginProblem ?? missing.ConnectorProblem, DemoWorkspace.PluginId);
            }
            else if (await DemoWorkspace.EnsureAsync(database, connections, settings.Demo, time, cancellationToken) is { } id)
            {
                _logger.LogInformation("Created the demo workspace {Name} (id {Id}); its first sync starts now", settings.Demo.WorkspaceName, id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Releases the data folder's lock (taken at start so that <c>restore</c> can tell the server runs).</summary>
    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
