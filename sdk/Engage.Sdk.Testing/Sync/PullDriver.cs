using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;

namespace Engage.Sdk.Testing.Sync;

/// <summary>
/// Drives a pull session the way the host does: from the stored cursor, batch after batch, each batch and its cursor
/// committed together, until the connector says it has no more, a failure stops the run (what was committed stays),
/// or the batch limit is reached. Also checks the host's rule that a batch announcing more must move the cursor or
/// carry items.
/// </summary>
public static class PullDriver
{
    /// <summary>Runs one sync.</summary>
    /// <param name="session">The pull session.</param>
    /// <param name="cursors">Where the cursor is read from and committed to.</param>
    /// <param name="items">Where the committed items go; null to keep only the batches.</param>
    /// <param name="maxBatches">The most batches in one run (the host's limit per run).</param>
    /// <param name="cancellationToken">Stops the run; a cancellation is thrown, not recorded.</param>
    /// <returns>What was committed, and why the run stopped.</returns>
    public static async Task<PullRun> RunAsync(
        IPullSession session, InMemoryCursorStore cursors, InMemoryItemStore? items = null, int maxBatches = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(cursors);
        var batches = new List<Items.SyncBatch>();
        for (var number = 1; number <= maxBatches; number++)
        {
            Items.SyncBatch batch;
            var from = cursors.Current;
            try
            {
                batch = await session.PullAsync(from, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new PullRun(batches, false, e);
            }

            items?.Store(batch);
            cursors.Commit(batch.NextCursor);
            batches.Add(batch);
            if (!batch.HasMore)
            {
                return new PullRun(batches, true, null);
            }

            if (batch.Count == 0 && (batch.NextCursor is null || batch.NextCursor == from))
            {
                return new PullRun(batches, false, new PluginException(
                    "the connector said it had more but returned nothing and kept its cursor (the host stops such a run)", PluginFailureKind.Permanent));
            }
        }

        return new PullRun(batches, false, null);
    }

    /// <summary>Connects, runs one sync from <paramref name="cursors"/> and disposes the session.</summary>
    /// <param name="connector">The connector.</param>
    /// <param name="context">The connection's context.</param>
    /// <param name="cursors">Where the cursor is read from and committed to.</param>
    /// <param name="items">Where the committed items go.</param>
    /// <param name="maxBatches">The most batches in one run.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<PullRun> ConnectAndRunAsync(
        IConnector connector, IConnectorContext context, InMemoryCursorStore cursors, InMemoryItemStore? items = null,
        int maxBatches = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var session = await connector.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var pull = session as IPullSession
                ?? throw new InvalidOperationException($"The session of connector '{connector.Info.Id}' does not implement IPullSession.");
            return await RunAsync(pull, cursors, items, maxBatches, cancellationToken).ConfigureAwait(false);
        }
    }
}
