using Engage.Host.Ingestion;
using Engage.Host.Metrics;
using Engage.Host.Plugins;
using Engage.Host.Records.Retention;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Reports;
using Engage.Host.Security;
using Engage.Host.Security.KeyRing;
using Engage.Host.Security.Secrets;
using Engage.Host.Store;
using Engage.Host.Sync;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Engage.Host.Hosting;

/// <summary>Registers the host's services. Everything is resolved lazily so tests can override configuration.</summary>
internal static class EngageServices
{
    public static IServiceCollection AddEngage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EngageOptions>(configuration.GetSection(EngageOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(sp => new ApiKeyMaskingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(), sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>())));
        services.AddSingleton(sp => EngagePaths.From(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, Options(sp)));
        services.AddSingleton(sp => new EngageDatabase(sp.GetRequiredService<EngagePaths>().Database));
        services.AddEngageKeyRing(configuration);
        services.AddHttpClient("connectors", client =>
        {
            client.Timeout = TimeSpan.FromSeconds(100);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Engage/1.0 (+self-hosted engagement server)");
        });
        services.AddHealthChecks();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<EngageOptions>>((kestrel, engage) =>
            kestrel.Limits.MaxRequestLineSize = RequestLineLimit.For(engage.Value.OData.MaxQueryStringLength));

        services.AddSingleton<PluginCatalog>();
        services.AddSingleton(sp =>
        {
            var o = Options(sp).Plugins;
            var catalog = sp.GetRequiredService<PluginCatalog>();
            return new PluginInvoker(new PluginInvokerOptions
            {
                CallTimeout = TimeSpan.FromSeconds(o.CallTimeoutSeconds),
                CancellationGrace = TimeSpan.FromSeconds(o.CancellationGraceSeconds),
                QuarantineAfterFaults = o.QuarantineAfterFaults,
            }, sp.GetRequiredService<ILogger<PluginInvoker>>(), catalog.OnStatusChanged);
        });
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<ConnectionStore>();
        services.AddSingleton(sp => new ConnectionSetup(
            sp.GetRequiredService<PluginCatalog>(), sp.GetRequiredService<PluginInvoker>(), sp.GetRequiredService<IDataProtectionProvider>(),
            sp.GetRequiredService<TimeProvider>(), httpClients: sp.GetRequiredService<IHttpClientFactory>(), loggers: sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<MetricRunner>();
        services.AddSingleton(sp => new ThemeCatalog(sp.GetRequiredService<EngagePaths>().Themes));
        services.AddSingleton<ReportRenderer>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton(sp => new FailedAuthLimiter(Options(sp).Security.FailedAuth, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var o = Options(sp).Scheduler;
            return new SyncRunner(
                sp.GetRequiredService<PluginCatalog>(), sp.GetRequiredService<PluginInvoker>(), sp.GetRequiredService<ConnectionStore>(),
                sp.GetRequiredService<BatchWriter>(), sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<EngageDatabase>(),
                sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>(),
                new Backoff(TimeSpan.FromSeconds(o.BackoffBaseSeconds), TimeSpan.FromSeconds(o.BackoffMaxSeconds)), o.MaxBatchesPerRun);
        });
        services.AddSingleton(sp =>
        {
            var o = Options(sp).Scheduler;
            return new SyncScheduler(
                sp.GetRequiredService<ConnectionStore>(), sp.GetRequiredService<SyncRunner>(), sp.GetRequiredService<MetricRunner>(),
                sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(o.TickSeconds), o.MaxConcurrentRuns, o.Enabled,
                sp.GetRequiredService<ILogger<SyncScheduler>>());
        });

        services.AddSingleton(sp => new RetentionPurger(sp.GetRequiredService<EngageDatabase>(), sp.GetRequiredService<TimeProvider>(),
            Options(sp).Retention.BatchSize, sp.GetRequiredService<ILogger<RetentionPurger>>()));
        services.AddSingleton(sp => Options(sp).Retention);

        // Order matters: startup (database, plugins, keys, demo) finishes before the scheduler starts.
        services.AddSingleton<StartupService>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupService>());
        services.AddHostedService(sp => sp.GetRequiredService<SyncScheduler>());
        services.AddHostedService<RetentionService>();
        return services;
    }

    private static EngageOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<EngageOptions>>().Value;
}
