namespace Engage.Host.Sync;

/// <summary>The values of <c>SyncRuns.Status</c>.</summary>
internal static class RunStatus
{
    /// <summary>Started and not finished (or the server stopped during it: closed as <see cref="Interrupted"/> at the next start).</summary>
    public const string Running = "Running";
    /// <summary>Pulled everything there was (or its batch limit; the rest follows next run).</summary>
    public const string Succeeded = "Succeeded";
    /// <summary>The network throttled the connector: what was committed stays, the next run starts at the network's reset.</summary>
    public const string RateLimited = "RateLimited";
    /// <summary>Ended by a failure; <c>Error</c> says which and what to do.</summary>
    public const string Failed = "Failed";
    /// <summary>Stopped because the server shut down.</summary>
    public const string Cancelled = "Cancelled";
    /// <summary>The server stopped (or crashed) during the run.</summary>
    public const string Interrupted = "Interrupted";
}
