namespace Engage.Host.Sync;

/// <summary>How a run ended and what that means for its connection.</summary>
internal sealed record RunOutcome(
    string RunStatus, string ConnectionStatus, string? Error, DateTimeOffset? NextSyncAt, int ConsecutiveFailures)
{
    public bool Succeeded => RunStatus == "Succeeded";
}
