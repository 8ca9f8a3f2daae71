namespace Engage.Host.Records.Retention;

/// <summary>What one retention pass did for one workspace.</summary>
internal sealed record WorkspacePurge(long WorkspaceId, string Name, PurgeOutcome Outcome, long? RetentionDays, DateTimeOffset? Cutoff, long Purged);

/// <summary>Why a workspace's pass ended the way it did.</summary>
internal enum PurgeOutcome
{
    /// <summary>No retention period: text is kept forever.</summary>
    NoPeriod,

    /// <summary>A legal hold suspends retention: nothing was purged (or the pass stopped when the hold was placed).</summary>
    LegalHold,

    /// <summary>The pass ran to the end (possibly purging nothing because nothing was due).</summary>
    Done,

    /// <summary>The pass was cancelled (shutdown) after purging <see cref="WorkspacePurge.Purged"/> rows; the next pass continues.</summary>
    Interrupted,
}
