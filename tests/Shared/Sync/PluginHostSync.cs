using Engage.Host.Ingestion;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Store;
using Engage.Host.Sync;
using Engage.Sdk.Connectors;
using Engage.Sdk.Testing.Context;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Tests.Shared.Sync;

/// <summary>
/// The host's real sync path (SyncRunner, PluginInvoker, BatchWriter, ConnectionSecrets over SQLite in a temp folder) with
/// one bundled connector registered as a loaded plugin, and connections whose secret is encrypted the way the host stores it.
/// Each network's test project derives its <c>HostSync</c> from it, naming the plugin, connector, network and secret key.
/// </summary>
/// <param name="pluginId">The plugin id (<c>engage.mastodon</c>).</param>
/// <param name="displayName">The plugin's and the connection's display name.</param>
/// <param name="network">The connector id and network (<c>mastodon</c>).</param>
/// <param name="connector">Makes the connector under test.</param>
/// <param name="secretKey">The setting that holds the connection's secret.</param>
internal abstract class PluginHostSync : IAsyncDisposable
{
    private readonly string _pluginId;
    private readonly string _displayName;
    private readonly string _network;
    private readonly Func<IConnector> _connector;
    private readonly string _secretKey;
    private readonly string _folder;
    private readonly SyncRunner _runner;

    protected PluginHostSync(string pluginId, string displayName, string network, Func<IConnector> connector, string secretKey)
    {
        (_pluginId, _displayName, _network, _connector, _secretKey) = (pluginId, displayName, network, connector, secretKey);
        _folder = Directory.CreateTempSubdirectory($"engage-{network}-").FullName;
        Database = new EngageDatabase(Path.Combine(_folder, "engage.db"));
        var catalog = new PluginCatalog(Database, Clock, NullLogger<PluginCatalog>.Instance);
        Catalog = catalog;
        var invoker = new PluginInvoker(new PluginInvokerOptions { CallTimeout = TimeSpan.FromMinutes(2) }, NullLogger<PluginInvoker>.Instance, catalog.OnStatusChanged);
        Protection = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_folder, "keys")));
        Connections = new ConnectionStore(Database);
        _runner = new SyncRunner(catalog, invoker, Connections, new BatchWriter(Database, Clock), Protection, Database, new Clients(),
            Logs, Clock, new Backoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)), maxBatchesPerRun: 1000);
    }

    public EngageDatabase Database { get; }
    public PluginCatalog Catalog { get; }
    public IDataProtectionProvider Protection { get; }
    public ConnectionStore Connections { get; }
    public ManualClock Clock { get; } = new();

    /// <summary>Every log line of the host and the plugin.</summary>
    public RecordingLogger Log { get; } = new();

    private ILoggerFactory Logs => new LogFactory(Log);

    public async Task<SyncResult> RunAsync(long connectionId) =>
        await _runner.RunAsync((await Connections.GetAsync(connectionId, CancellationToken.None))!, CancellationToken.None);

    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command($"SELECT COUNT(*) FROM {table} WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command(sql);
        return await command.ExecuteScalarAsync() is var value && value is DBNull ? null : value;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Initializes the database of <paramref name="sync"/> and registers the plugin as loaded.</summary>
    protected static async Task<T> InitializeAsync<T>(T sync)
        where T : PluginHostSync
    {
        await sync.Database.InitializeAsync(NullLogger.Instance, CancellationToken.None);
        var plugin = new LoadedPlugin(sync._pluginId, sync._folder) { Version = "1.0.0", DisplayName = sync._displayName, SdkRange = "[1.0,2.0)" };
        plugin.Connectors = [sync._connector()];
        plugin.SetStatus(PluginStatus.Loaded, null);
        await sync.Catalog.SetPluginsAsync([plugin], CancellationToken.None);
        return sync;
    }

    /// <summary>A workspace and a connection with <paramref name="settings"/> and <paramref name="secret"/> stored encrypted.</summary>
    protected async Task<long> AddConnectionAsync(IReadOnlyDictionary<string, string?> settings, string secret)
    {
        var stored = ConnectionSettings.Stored(_connector().Info, settings, [_secretKey]);
        var secrets = ConnectionSecrets.Protect(Protection.CreateProtector(ConnectionSecrets.Purpose),
            new Dictionary<string, string> { [_secretKey] = secret });
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var workspace = connection.Command("INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES ('City', 'Europe/Paris', '2026-01-01T00:00:00.0000000Z') RETURNING Id");
        var workspaceId = await workspace.InsertAsync(CancellationToken.None);
        await using var insert = connection.Command(
                """
                INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, IntervalSeconds, Settings, Secrets, CreatedAt)
                VALUES (@w, @p, @n, @n, @d, 900, @s, @x, '2026-01-01T00:00:00.0000000Z') RETURNING Id
                """)
            .With("@w", workspaceId).With("@p", _pluginId).With("@n", _network).With("@d", _displayName).With("@s", stored).With("@x", secrets);
        return await insert.InsertAsync(CancellationToken.None);
    }

    private sealed class Clients : IHttpClientFactory
    {
        private static readonly HttpClient Client = new();

        public HttpClient CreateClient(string name) => Client;
    }

    private sealed class LogFactory(RecordingLogger log) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => log;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
