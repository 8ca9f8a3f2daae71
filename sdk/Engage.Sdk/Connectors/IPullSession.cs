using Engage.Sdk.Items;

namespace Engage.Sdk.Connectors;

/// <summary>Pulls items from the network, one batch at a time, from a cursor.</summary>
public interface IPullSession : IConnectorSession
{
    /// <summary>
    /// Returns the next batch after <paramref name="cursor"/>. The host stores the batch and its
    /// <see cref="SyncBatch.NextCursor"/> in one transaction and calls again while
    /// <see cref="SyncBatch.HasMore"/> is true. Re-pulling from an older cursor must yield the same items
    /// (the host upserts on the external id).
    /// </summary>
    /// <param name="cursor">The last stored cursor; null on the first sync.</param>
    /// <param name="cancellationToken">Stops the work; honour it promptly.</param>
    Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken);
}
