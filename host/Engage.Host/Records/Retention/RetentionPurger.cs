using System.Globalization;
using Engage.Host.Audit;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Records.Retention;

/// <summary>
/// One retention pass: for every workspace with a retention period and no legal hold, empties the Text of the
/// interactions created before the cutoff and marks them (<c>TextPurgedAt</c>) so a re-sync never refills them.
/// Works in batches of <paramref name="batchSize"/> rows, each its own short write transaction that re-reads the
/// workspace's period and hold (a hold placed mid-pass stops it). Ids, links (Url), dates, kinds, statuses and every
/// count stay, so aggregates do not change. The pass that purged anything appends one <c>Retention.Purge</c> audit
/// row per workspace, in the transaction of its last batch.
/// </summary>
internal sealed class RetentionPurger(EngageDatabase database, TimeProvider time, int batchSize, ILogger logger)
{
    public const string Action = "Retention.Purge";

    private const int ProgressEveryBatches = 20;

    /// <summary>Runs one pass over every workspace and answers what it did, workspace by workspace.</summary>
    public async Task<IReadOnlyList<WorkspacePurge>> RunAsync(string actor, CancellationToken cancellationToken)
    {
        var results = new List<WorkspacePurge>();
        foreach (var (id, name) in await WorkspacesAsync(cancellationToken))
        {
            results.Add(await PurgeAsync(id, name, actor, cancellationToken));
        }

        return results;
    }

    private async Task<WorkspacePurge> PurgeAsync(long workspaceId, string name, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        long total = 0;
        var batches = 0;
        long? days = null;
        DateTimeOffset? cutoff = null;
        while (true)
        {
            await using var transaction = connection.BeginTransaction();
            var settings = await SettingsAsync(connection, transaction, workspaceId, cancellationToken);
            days = settings?.Days;
            cutoff = days is { } d ? RetentionPeriod.Cutoff(now, d) : null;
            if (settings is null || cutoff is null || settings.Value.Hold)
            {
                var stopped = new WorkspacePurge(workspaceId, name, settings is { Hold: true } ? PurgeOutcome.LegalHold : PurgeOutcome.NoPeriod, days, cutoff, total);
                await FinishAsync(connection, transaction, stopped, actor, cancellationToken);
                return stopped;
            }

            long purged;
            try
            {
                purged = await PurgeBatchAsync(connection, transaction, workspaceId, cutoff.Value, now, cancellationToken);
            }
            catch (OperationCanceledException) when (total > 0)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                var interrupted = new WorkspacePurge(workspaceId, name, PurgeOutcome.Interrupted, days, cutoff, total);
                await using var record = connection.BeginTransaction();
                await FinishAsync(connection, record, interrupted, actor, CancellationToken.None);
                throw;
            }

            total += purged;
            batches++;
            if (purged < batchSize)
            {
                var done = new WorkspacePurge(workspaceId, name, PurgeOutcome.Done, days, cutoff, total);
                await FinishAsync(connection, transaction, done, actor, cancellationToken);
                if (total > 0)
                {
                    logger.LogInformation("Retention purged the text of {Count} interactions of workspace {Workspace} created before {Cutoff:O} ({Days} days)",
                        total, workspaceId, cutoff, days);
                }

                return done;
            }

            await transaction.CommitAsync(cancellationToken);
            if (batches % ProgressEveryBatches == 0)
            {
                logger.LogInformation("Retention: {Count} interaction texts of workspace {Workspace} purged so far", total, workspaceId);
            }
        }
    }

    /// <summary>Commits the last transaction of a pass, with its audit row when the pass purged anything.</summary>
    private async Task FinishAsync(SqliteConnection connection, SqliteTransaction transaction, WorkspacePurge result, string actor, CancellationToken cancellationToken)
    {
        if (result.Purged > 0)
        {
            await new AuditTrail(time).AppendAsync(connection, transaction, new AuditEntry(actor, Action, "Workspaces",
                result.WorkspaceId.ToString(CultureInfo.InvariantCulture), Describe(result)), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string Describe(WorkspacePurge result) => string.Create(CultureInfo.InvariantCulture,
        $"Purged the text of {result.Purged} interactions created before {DbTime.Format(result.Cutoff)} (retention {result.RetentionDays} days); outcome {result.Outcome}");

    private async Task<long> PurgeBatchAsync(
        SqliteConnection connection, SqliteTransaction transaction, long workspaceId, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
                """
                UPDATE Interactions SET Text = NULL, TextPurgedAt = @now
                WHERE Id IN (SELECT Id FROM Interactions WHERE WorkspaceId = @w AND Text IS NOT NULL AND CreatedAt < @cutoff LIMIT @batch)
                """,
                transaction)
            .With("@now", DbTime.Format(now)).With("@w", workspaceId).With("@cutoff", DbTime.Format(cutoff)).With("@batch", batchSize);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(long? Days, bool Hold)?> SettingsAsync(
        SqliteConnection connection, SqliteTransaction transaction, long workspaceId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT RetentionDays, LegalHold FROM Workspaces WHERE Id = @w", transaction).With("@w", workspaceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetNullableInt64(0), reader.GetInt64(1) != 0) : null;
    }

    private async Task<List<(long Id, string Name)>> WorkspacesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT Id, Name FROM Workspaces ORDER BY Id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<(long, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return list;
    }
}
