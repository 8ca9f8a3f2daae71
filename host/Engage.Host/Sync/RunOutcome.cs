namespace Engage.Host.Sync;

/// <summary>How a run ended and what that means for its connection.</summary>
/// <param name="RunStatus">The run's <c>SyncRuns.Status</c> (<see cref="Sync.RunStatus"/>).</param>
/// <param name="ConnectionStatus">The connection's <c>Status</c> after the run (<see cref="Sync.ConnectionStatus"/>).</param>
/// <param name="Error">The run's <c>SyncRuns.Error</c>: why it stopped and what happens next (null when it succeeded).</param>
/// <param name="NextSyncAt">When the scheduler runs the connection again (null: not until a person acts).</param>
/// <param name="ConsecutiveFailures">The connection's failure count, which drives the back-off.</param>
internal sealed record RunOutcome(
    string RunStatus, string ConnectionStatus, string? Error, DateTimeOffset? NextSyncAt, int ConsecutiveFailures)
{
    public bool Succeeded => RunStatus == Sync.RunStatus.Succeeded;

    /// <summary>The connection's <c>LastError</c>: the run's error, except for a rate-limited pause, which is not one.</summary>
    public string? LastError => ConnectionStatus == Sync.ConnectionStatus.RateLimited ? null : Error;
}
