using Engage.Host.Security;

namespace Engage.Host.Hosting;

/// <summary>The <c>Engage</c> section of appsettings.json. Relative paths are relative to the content root.</summary>
internal sealed class EngageOptions
{
    public const string Section = "Engage";

    /// <summary>The data folder: database, key ring, boot journal, admin key file.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>The folder scanned for plugins (one sub-folder per plugin).</summary>
    public string PluginsPath { get; set; } = "artifacts/plugins";

    /// <summary>The folder holding report themes.</summary>
    public string ThemesPath { get; set; } = "themes";

    /// <summary>The demo workspace created on first start.</summary>
    public DemoOptions Demo { get; set; } = new();

    /// <summary>The background sync scheduler.</summary>
    public SchedulerOptions Scheduler { get; set; } = new();

    /// <summary>Limits for calls into plugins.</summary>
    public PluginOptions Plugins { get; set; } = new();

    /// <summary>The OData service.</summary>
    public ODataOptions OData { get; set; } = new();

    /// <summary>Authentication settings.</summary>
    public SecurityOptions Security { get; set; } = new();

    /// <summary>The background purge of interaction text past each workspace's retention period.</summary>
    public Records.Retention.RetentionOptions Retention { get; set; } = new();

    internal sealed class DemoOptions
    {
        public bool Enabled { get; set; } = true;
        public string WorkspaceName { get; set; } = "Demo";
        public string TimeZone { get; set; } = "Europe/Paris";
        public int SyncIntervalSeconds { get; set; } = 60;
        public int Seed { get; set; } = 42;
    }

    internal sealed class SchedulerOptions
    {
        public bool Enabled { get; set; } = true;
        public double TickSeconds { get; set; } = 1;
        public int MaxConcurrentRuns { get; set; } = 4;
        public double BackoffBaseSeconds { get; set; } = 30;
        public double BackoffMaxSeconds { get; set; } = 3600;
        public int MaxBatchesPerRun { get; set; } = 10_000;
    }

    internal sealed class PluginOptions
    {
        public double CallTimeoutSeconds { get; set; } = 120;
        public double RegisterTimeoutSeconds { get; set; } = 10;
        public double CancellationGraceSeconds { get; set; } = 5;
        public int QuarantineAfterFaults { get; set; } = 5;
    }

    internal sealed class ODataOptions
    {
        public int PageSize { get; set; } = 1000;
        public int MaxTop { get; set; } = 1_000_000;

        /// <summary>The longest query string the engine reads; Kestrel's request-line limit follows it (<see cref="RequestLineLimit"/>).</summary>
        public int MaxQueryStringLength { get; set; } = 32 * 1024;
    }

    internal sealed class SecurityOptions
    {
        /// <summary>The query parameter accepted for the API key (Power BI's Web API credential).</summary>
        public string ApiKeyQueryParameter { get; set; } = "api_key";

        /// <summary>Slowing down repeated failed authentication from one address.</summary>
        public FailedAuthOptions FailedAuth { get; set; } = new();
    }
}
