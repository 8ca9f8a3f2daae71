using Engage.Host.Audit;
using Engage.Host.Plugins;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Sync;

/// <summary>
/// Reads connections for the scheduler and records runs and their outcome. A run that changes its connection's status
/// (to RateLimited, NeedsCredentials, Retrying, Failed, back to Active…) appends an audit row by actor "system" in the same transaction.
/// </summary>
internal sealed class ConnectionStore(EngageDatabase database, TimeProvider? time = null)
{
    /// <summary>The Action of the audit row of a status change made by a run.</summary>
    public const string StatusAction = "Connections.Status";

    /// <summary>Characters of the run's error kept in the audit row.</summary>
    private const int MaxErrorLength = 300;

    private const string Select =
        """
        SELECT c.Id, c.WorkspaceId, c.Plugin, c.Connector, c.Network, c.Status, c.IntervalSeconds, c.ConsecutiveFailures,
               c.Settings, c.Cursor, w.TimeZone
        FROM Connections c JOIN Workspaces w ON w.Id = c.WorkspaceId
        """;

    public async Task<IReadOnlyList<ConnectionRecord>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var statuses = string.Join(", ", ConnectionStatus.Schedulable.Select((_, i) => $"@s{i}"));
        await using var command = connection.Command(
                Select + $" WHERE c.Status IN ({statuses}) AND (c.NextSyncAt IS NULL OR c.NextSyncAt <= @now) ORDER BY c.NextSyncAt, c.Id")
            .With("@now", DbTime.Format(now));
        for (var i = 0; i < ConnectionStatus.Schedulable.Length; i++)
        {
            command.With($"@s{i}", ConnectionStatus.Schedulable[i]);
        }

        return await ReadAsync(command, cancellationToken);
    }

    public async Task<ConnectionRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(Select + " WHERE c.Id = @id").With("@id", id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<long> StartRunAsync(ConnectionRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO SyncRuns (WorkspaceId, ConnectionId, StartedAt, Status) VALUES (@w, @c, @at, @s) RETURNING Id")
            .With("@s", RunStatus.Running).With("@w", record.WorkspaceId).With("@c", record.Id).With("@at", DbTime.Format(now));
        return await command.InsertAsync(cancellationToken);
    }

    /// <summary>Closes a run and sets the connection's status, error and next due time in one transaction.</summary>
    public async Task FinishRunAsync(
        long runId, long connectionId, RunOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        string? previous;
        await using (var status = connection.Command("SELECT Status FROM Connections WHERE Id = @id", transaction).With("@id", connectionId))
        {
            previous = await status.ExecuteScalarAsync(cancellationToken) as string;
        }

        await using (var run = connection.Command("UPDATE SyncRuns SET FinishedAt = @at, Status = @s, Error = @e WHERE Id = @id", transaction)
            .With("@at", DbTime.Format(now)).With("@s", outcome.RunStatus).With("@e", outcome.Error).With("@id", runId))
        {
            await run.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var update = connection.Command(
                """
                UPDATE Connections SET Status = @s, LastError = @e, NextSyncAt = @next, ConsecutiveFailures = @f,
                    LastSyncAt = CASE WHEN @ok = 1 THEN @at ELSE LastSyncAt END
                WHERE Id = @id
                """, transaction)
            .With("@s", outcome.ConnectionStatus).With("@e", outcome.LastError).With("@next", DbTime.Format(outcome.NextSyncAt))
            .With("@f", outcome.ConsecutiveFailures).With("@ok", outcome.Succeeded ? 1 : 0).With("@at", DbTime.Format(now))
            .With("@id", connectionId))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (previous is not null && previous != outcome.ConnectionStatus)
        {
            var error = outcome.LastError is { Length: > MaxErrorLength } text ? text[..MaxErrorLength] + "…" : outcome.LastError;
            var details = $"Status: '{previous}' -> '{outcome.ConnectionStatus}'" + (error is null ? string.Empty : $"; LastError: '{error.ReplaceLineEndings(" ")}'")
                + (outcome.ConnectionStatus == ConnectionStatus.RateLimited ? $"; NextSyncAt: '{DbTime.Format(outcome.NextSyncAt)}'" : string.Empty);
            await new AuditTrail(time ?? TimeProvider.System).AppendAsync(connection, transaction,
                new AuditEntry(PluginAudit.Actor, StatusAction, "Connections", connectionId.ToString(System.Globalization.CultureInfo.InvariantCulture), details),
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// How many of the connection's runs before <paramref name="runId"/> were, in a row, rate limited without storing anything
    /// (runs cut short by a shutdown that stored nothing are passed over; any other run ends the streak).
    /// </summary>
    public async Task<int> RateLimitedStreakAsync(long connectionId, long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT Status, ItemsFetched FROM SyncRuns WHERE ConnectionId = @c AND Id < @run ORDER BY Id DESC LIMIT 200")
            .With("@c", connectionId).With("@run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var streak = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var (status, fetched) = (reader.GetString(0), reader.GetInt64(1));
            if (fetched == 0 && status is RunStatus.Cancelled or RunStatus.Interrupted)
            {
                continue;
            }

            if (fetched != 0 || status != RunStatus.RateLimited)
            {
                break;
            }

            streak++;
        }

        return streak;
    }

    /// <summary>After a crash, runs left 'Running' are closed as interrupted (their committed batches stay).</summary>
    public async Task CloseInterruptedRunsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "UPDATE SyncRuns SET Status = 'Interrupted', FinishedAt = @at, Error = 'The server stopped during this run; the next run resumes from the last stored cursor.' WHERE Status = 'Running'")
            .With("@at", DbTime.Format(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ConnectionRecord>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<ConnectionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ConnectionRecord(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetString(8), reader.GetNullableString(9),
                reader.GetString(10)));
        }

        return list;
    }
}
