using Engage.Host.Ingestion;
using Engage.Host.Metrics;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Sync;
using Engage.Host.Tests.Infrastructure;
using Engage.Sdk.Connectors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Sync;

/// <summary>The real sync pipeline (runner, scheduler, store) over a temp database, with in-test connectors and a manual clock.</summary>
internal sealed class SyncHarness : IDisposable
{
    private SyncHarness(TestDatabase db, ManualTimeProvider time)
    {
        Db = db;
        Time = time;
        Catalog = new PluginCatalog(db.Database, time, NullLogger<PluginCatalog>.Instance);
        Invoker = new PluginInvoker(new PluginInvokerOptions { QuarantineAfterFaults = 3, CallTimeout = TimeSpan.FromSeconds(10) },
            NullLogger<PluginInvoker>.Instance, Catalog.OnStatusChanged);
        Connections = new ConnectionStore(db.Database, time);
        Runner = new SyncRunner(Catalog, Invoker, Connections, new BatchWriter(db.Database, time),
            DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(db.Folder, "keys"))), db.Database, new OneClientFactory(),
            NullLoggerFactory.Instance, time, new Backoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)), maxBatchesPerRun: 1000);
        var metrics = new MetricRunner(Catalog, Invoker, db.Database, time, NullLogger<MetricRunner>.Instance);
        Scheduler = new SyncScheduler(Connections, Runner, metrics, time, TimeSpan.FromSeconds(1), 4, true, NullLogger<SyncScheduler>.Instance);
    }

    public TestDatabase Db { get; }
    public ManualTimeProvider Time { get; }
    public PluginCatalog Catalog { get; }
    public PluginInvoker Invoker { get; }
    public ConnectionStore Connections { get; }
    public SyncRunner Runner { get; }
    public SyncScheduler Scheduler { get; }

    public static async Task<SyncHarness> CreateAsync() =>
        new(await TestDatabase.CreateAsync(), new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero)));

    /// <summary>Registers in-test connectors as loaded plugins (one plugin per entry).</summary>
    public async Task<IReadOnlyList<LoadedPlugin>> UsePluginsAsync(params (string PluginId, IConnector Connector)[] plugins)
    {
        var loaded = plugins.Select(p =>
        {
            var plugin = new LoadedPlugin(p.PluginId, Db.Folder) { Version = "1.0.0", DisplayName = p.PluginId, SdkRange = "[1.0,2.0)" };
            plugin.Connectors = [p.Connector];
            plugin.SetStatus(PluginStatus.Loaded, null);
            return plugin;
        }).ToList();
        await Catalog.SetPluginsAsync(loaded, CancellationToken.None);
        return loaded;
    }

    public async Task<ConnectionRecord> RecordAsync(long connectionId) => (await Connections.GetAsync(connectionId, CancellationToken.None))!;

    public void Dispose() => Db.Dispose();

    private sealed class OneClientFactory : IHttpClientFactory
    {
        private static readonly HttpClient Client = new();

        public HttpClient CreateClient(string name) => Client;
    }
}
