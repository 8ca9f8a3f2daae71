namespace Engage.Host.Sync;

/// <summary>What one run stored.</summary>
internal sealed record SyncResult(long RunId, long WorkspaceId, int ItemsFetched, int ItemsNew, DateOnly? EarliestDate, RunOutcome Outcome);
