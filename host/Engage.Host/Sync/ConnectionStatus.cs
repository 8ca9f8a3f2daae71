namespace Engage.Host.Sync;

/// <summary>The values of <c>Connections.Status</c>.</summary>
internal static class ConnectionStatus
{
    /// <summary>Syncing on its interval.</summary>
    public const string Active = "Active";
    /// <summary>
    /// The network rate-limited the last run: not an error. What it stored stays; the connection is due again at the
    /// network's reset (<c>NextSyncAt</c>) and resumes from its stored cursor.
    /// </summary>
    public const string RateLimited = "RateLimited";
    /// <summary>The last run failed with a passing fault (or was rate-limited many times in a row without storing anything); retrying with back-off.</summary>
    public const string Retrying = "Retrying";
    /// <summary>The network refused the credentials: enter new ones.</summary>
    public const string NeedsCredentials = "NeedsCredentials";
    /// <summary>A permanent failure: fix the settings or the connector, then re-enable.</summary>
    public const string Failed = "Failed";
    /// <summary>The connector's plugin is not loaded (missing, refused, failed); the connection waits for it.</summary>
    public const string PluginUnavailable = "PluginUnavailable";
    /// <summary>The connector's plugin was quarantined after repeated faults; the connection waits for a fixed plugin.</summary>
    public const string PluginQuarantined = "PluginQuarantined";
    /// <summary>Switched off by a person.</summary>
    public const string Disabled = "Disabled";

    /// <summary>Statuses the scheduler runs when due (an unavailable plugin is re-checked each interval).</summary>
    public static readonly string[] Schedulable = [Active, RateLimited, Retrying, PluginUnavailable, PluginQuarantined];
}
