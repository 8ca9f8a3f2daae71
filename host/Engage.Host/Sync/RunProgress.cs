using Engage.Host.Ingestion;

namespace Engage.Host.Sync;

/// <summary>What a run has committed so far; kept when the run ends early, so a failed or rate-limited run still reports its batches.</summary>
internal sealed class RunProgress
{
    /// <summary>Batches committed (each with its cursor).</summary>
    public int Batches { get; private set; }

    /// <summary>Items the committed batches held.</summary>
    public int Fetched { get; private set; }

    /// <summary>Items the committed batches added.</summary>
    public int New { get; private set; }

    /// <summary>The earliest day the committed batches touched (metrics are recomputed from it).</summary>
    public DateOnly? Earliest { get; private set; }

    /// <summary>Counts one committed batch.</summary>
    public void Add(BatchResult stored)
    {
        Batches++;
        Fetched += stored.Fetched;
        New += stored.New;
        Earliest = Earliest is null ? stored.EarliestDate : stored.EarliestDate is { } day && day < Earliest ? day : Earliest;
    }
}
