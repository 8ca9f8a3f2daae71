using Engage.Host.Sync;
using Engage.OData.Writes;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>
/// Connections: people rename them, switch them off and on (Status 'Disabled' / 'Active') and change the sync
/// interval; the scheduler owns every other status. Switching on makes the connection due at once with a clean
/// failure count. A connection is deleted only before it brought any data in (then its run history goes with it);
/// otherwise 409: disable it instead. Creating one needs a connector's settings and secrets (issue 4).
/// </summary>
internal sealed class ConnectionWrites : WriteRules
{
    public const int MinIntervalSeconds = 60;
    public const int MaxIntervalSeconds = 7 * 24 * 3600;

    private static readonly string[] DataTables = ["Accounts", "Contacts", "Posts", "Interactions", "Conversations", "AccountDailyStats"];

    public ConnectionWrites()
    {
        RequiredText("DisplayName", 200);
        OneOf("Status", EngageValues.SettableConnectionStatuses);
        Integer("IntervalSeconds").InclusiveBetween(MinIntervalSeconds, MaxIntervalSeconds)
            .WithMessage($"'IntervalSeconds' must be between {MinIntervalSeconds} and {MaxIntervalSeconds} (one week).");
    }

    public WritePolicy Policy(WritePolicy shape) => shape with { Validate = CheckAsync, ServerValues = ServerValuesAsync };

    private async ValueTask CheckAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Operation != WriteOperation.Delete)
        {
            await ApplyAsync(write, cancellationToken);
            return;
        }

        if (await StoreLookups.ScalarAsync(write, "SELECT COUNT(*) FROM SyncRuns WHERE ConnectionId = @c AND Status = 'Running'", cancellationToken, ("@c", write.Key)) > 0)
        {
            write.Conflict("The connection is syncing right now; delete it when the run has finished.");
            return;
        }

        foreach (var table in DataTables)
        {
            if (await StoreLookups.CountAsync(write, table, "ConnectionId", write.Key!, cancellationToken) > 0)
            {
                write.Conflict($"The connection already brought data in ({table}); Engage keeps it. Set 'Status' to 'Disabled' to stop syncing instead.");
                return;
            }
        }

        await StoreLookups.ExecuteAsync(write, "DELETE FROM SyncRuns WHERE ConnectionId = @c", cancellationToken, ("@c", write.Key));
    }

    private static ValueTask ServerValuesAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Has("Status") && write.Get("Status") is ConnectionStatus.Active && write.Current["Status"] is not ConnectionStatus.Active)
        {
            write.SetServerValue("NextSyncAt", null);
            write.SetColumn("ConsecutiveFailures", 0L);
        }

        return ValueTask.CompletedTask;
    }
}
