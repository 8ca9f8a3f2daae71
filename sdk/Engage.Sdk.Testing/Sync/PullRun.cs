using Engage.Sdk.Items;

namespace Engage.Sdk.Testing.Sync;

/// <summary>What one run of <see cref="PullDriver"/> did.</summary>
/// <param name="Batches">The batches committed, in order.</param>
/// <param name="Completed">True when the connector said it had no more (<see cref="SyncBatch.HasMore"/> false).</param>
/// <param name="Failure">The exception that stopped the run, if any; the batches before it stay committed.</param>
public sealed record PullRun(IReadOnlyList<SyncBatch> Batches, bool Completed, Exception? Failure)
{
    /// <summary>The number of items in all committed batches.</summary>
    public int ItemCount => Batches.Sum(b => b.Count);
}
