using Engage.Host.Ingestion;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Store;
using Engage.Host.Sync;
using Engage.Plugins.Bluesky.Settings;
using Engage.Plugins.Bluesky.Sync;
using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Sdk.Testing.Context;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Plugins.Bluesky.Tests.Support;

/// <summary>
/// The host's real sync path (SyncRunner, PluginInvoker, BatchWriter, ConnectionSecrets over SQLite in a temp folder) with
/// the Bluesky connector registered as a loaded plugin, and one connection to a fake PDS whose app password is
/// encrypted the way the host stores it.
/// </summary>
internal sealed class HostSync : IAsyncDisposable
{
    public const string PluginId = "engage.bluesky";

    private readonly string _folder = Directory.CreateTempSubdirectory("engage-bluesky-").FullName;
    private readonly SyncRunner _runner;

    private HostSync()
    {
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

    public static async Task<HostSync> CreateAsync()
    {
        var sync = new HostSync();
        await sync.Database.InitializeAsync(NullLogger.Instance, CancellationToken.None);
        var plugin = new LoadedPlugin(PluginId, sync._folder) { Version = "1.0.0", DisplayName = "Bluesky", SdkRange = "[1.0,2.0)" };
        plugin.Connectors = [new BlueskyConnector()];
        plugin.SetStatus(PluginStatus.Loaded, null);
        await sync.Catalog.SetPluginsAsync([plugin], CancellationToken.None);
        return sync;
    }

    /// <summary>A workspace and a Bluesky connection to <paramref name="server"/> with <paramref name="password"/> stored encrypted.</summary>
    public async Task<long> AddConnectionAsync(FakePds server, string password = FakePds.Password)
    {
        var info = new BlueskyConnector().Info;
        var settings = ConnectionSettings.Stored(info, TestBluesky.Settings(server), [BlueskySettings.AppPasswordKey]);
        var secrets = ConnectionSecrets.Protect(Protection.CreateProtector(ConnectionSecrets.Purpose),
            new Dictionary<string, string> { [BlueskySettings.AppPasswordKey] = password });
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var workspace = connection.Command("INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES ('City', 'Europe/Paris', '2026-01-01T00:00:00.0000000Z') RETURNING Id");
        var workspaceId = await workspace.InsertAsync(CancellationToken.None);
        await using var insert = connection.Command(
                """
                INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, IntervalSeconds, Settings, Secrets, CreatedAt)
                VALUES (@w, @p, 'bluesky', 'bluesky', 'Bluesky', 900, @s, @x, '2026-01-01T00:00:00.0000000Z') RETURNING Id
                """)
            .With("@w", workspaceId).With("@p", PluginId).With("@s", settings).With("@x", secrets);
        return await insert.InsertAsync(CancellationToken.None);
    }

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
