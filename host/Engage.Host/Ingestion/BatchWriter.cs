using Engage.Host.Privacy.Tombstones;
using Engage.Host.Store;
using Engage.Sdk.Items;
using FluentValidation;

namespace Engage.Host.Ingestion;

/// <summary>
/// Stores one connector batch: every item upserted on (connection, external id), the connection's new
/// cursor and the run's counters, all in one transaction. A crash at any point therefore loses nothing
/// and duplicates nothing: the next run starts from the last committed cursor.
/// </summary>
internal sealed class BatchWriter(EngageDatabase database, TimeProvider time)
{
    private static readonly SyncBatchValidator Validator = new();

    public async Task<BatchResult> WriteAsync(ConnectionScope scope, SyncBatch batch, long? syncRunId, CancellationToken cancellationToken)
    {
        var validation = Validator.Validate(batch);
        if (!validation.IsValid)
        {
            throw new InvalidDataException("The connector sent an invalid batch: " +
                string.Join("; ", validation.Errors.Take(5).Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var context = new IngestionContext(connection, transaction, scope);

        // What was erased stays erased: items of erased people travel under their pseudonyms, without personal data.
        batch = await ErasureFilter.ApplyAsync(context, batch, time.GetUtcNow(), cancellationToken);

        // Order matters: references point backwards (posts to accounts, interactions to posts and contacts).
        await AccountWriter.WriteAsync(context, batch.Accounts, cancellationToken);
        await ContactWriter.WriteAsync(context, batch, time.GetUtcNow(), cancellationToken);
        await PostWriter.WriteAsync(context, batch.Posts, cancellationToken);
        var conversations = await InteractionWriter.WriteAsync(context, batch.Interactions, time.GetUtcNow(), cancellationToken);
        await ConversationWriter.RecomputeAsync(context, conversations, cancellationToken);
        await DailyStatWriter.WriteAsync(context, batch.AccountDailyStats, cancellationToken);

        if (batch.NextCursor is not null)
        {
            await using var cursor = context.Command("UPDATE Connections SET Cursor = @cursor WHERE Id = @id")
                .With("@cursor", batch.NextCursor).With("@id", scope.ConnectionId);
            await cursor.ExecuteNonQueryAsync(cancellationToken);
        }

        if (syncRunId is { } run)
        {
            await using var counters = context.Command(
                    "UPDATE SyncRuns SET ItemsFetched = ItemsFetched + @f, ItemsNew = ItemsNew + @n WHERE Id = @id")
                .With("@f", batch.Count).With("@n", context.New).With("@id", run);
            await counters.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new BatchResult(batch.Count, context.New, context.EarliestDate);
    }
}
