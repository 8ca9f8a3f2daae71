using Engage.Host.Store;
using Engage.Host.Sync;
using Engage.OData.Writes;
using FluentValidation;
using FluentValidation.Results;

namespace Engage.Host.ODataWrites;

/// <summary>
/// Connections: created with a workspace, a plugin's connector and its settings (<see cref="ConnectionSetup"/>, the path the
/// demo workspace takes too): the plugin must be loaded, the connector must exist, the settings must be the connector's,
/// with the required ones present, and pass the connector's own check. Secret settings are encrypted into the
/// <c>Secrets</c> column and shown as <see cref="ConnectionSettings.SetMarker"/>. A new connection is Active and due at once.
/// People rename connections, switch them off and on (Status 'Disabled' / 'Active'), change the interval and the settings;
/// the scheduler owns every other status. Switching on makes the connection due at once with a clean failure count. A
/// connection is deleted only before it brought any data in (then its run history goes with it); otherwise 409: disable it.
/// </summary>
internal sealed class ConnectionWrites : WriteRules
{
    private static readonly string[] DataTables = ["Accounts", "Contacts", "Posts", "Interactions", "Conversations", "AccountDailyStats"];

    private readonly ConnectionSetup _setup;

    public ConnectionWrites(ConnectionSetup setup)
    {
        _setup = setup;
        RequiredText("DisplayName", 200);
        OneOf("Status", EngageValues.SettableConnectionStatuses);
        Integer("IntervalSeconds").InclusiveBetween(ConnectionSetup.MinIntervalSeconds, ConnectionSetup.MaxIntervalSeconds)
            .WithMessage($"'IntervalSeconds' must be between {ConnectionSetup.MinIntervalSeconds} and {ConnectionSetup.MaxIntervalSeconds} (one week).");
        Text("Plugin").Custom((_, context) =>
        {
            if (Lookup(context.InstanceToValidate).PluginProblem is { } problem)
            {
                context.AddFailure("Plugin", problem);
            }
        });
        Text("Connector").Custom((_, context) =>
        {
            if (Lookup(context.InstanceToValidate).ConnectorProblem is { } problem)
            {
                context.AddFailure("Connector", problem);
            }
        });
        When(write => write.Operation == WriteOperation.Insert || write.Has("Settings"),
            () => RuleFor(write => write).Configure(rule => rule.PropertyName = "Settings").CustomAsync(CheckSettingsAsync));
    }

    public WritePolicy Policy(WritePolicy shape) => shape with
    {
        ScopeInsert = WorkspaceAccess.CheckInsertAsync,
        Validate = CheckAsync,
        ServerValues = ServerValuesAsync,
    };

    private ConnectorLookup Lookup(WriteContext write) => _setup.Find(write.Get("Plugin") as string ?? "", write.Get("Connector") as string ?? "");

    private async Task CheckSettingsAsync(WriteContext write, ValidationContext<WriteContext> context, CancellationToken cancellationToken)
    {
        var lookup = Lookup(write);
        if (!lookup.Found)
        {
            if (write.Operation != WriteOperation.Insert)
            {
                context.AddFailure("Settings", $"The settings cannot be checked now: {lookup.PluginProblem ?? lookup.ConnectorProblem}");
            }

            return; // on insert, the Plugin and Connector rules say what is wrong
        }

        if (!ConnectionSettings.TryParse(SettingsText(write), out var entered, out var problem))
        {
            context.AddFailure("Settings", problem);
            return;
        }

        var change = SettingsChange.Apply(lookup.Connector!.Info, entered, await StoredSecretsAsync(write, cancellationToken));
        var target = write.Operation == WriteOperation.Insert ? "Plugin" : "Settings";
        foreach (var error in await ConnectorChecks.RunAsync(_setup, lookup, change, target, cancellationToken))
        {
            context.AddFailure(new ValidationFailure(error.Target, error.Message));
        }
    }

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

    private async ValueTask ServerValuesAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Operation == WriteOperation.Update && write.Has("Status") && write.Get("Status") is ConnectionStatus.Active
            && write.Current["Status"] is not ConnectionStatus.Active)
        {
            write.SetServerValue("NextSyncAt", null);
            write.SetColumn("ConsecutiveFailures", 0L);
        }

        if (write.Operation != WriteOperation.Insert && !write.Has("Settings"))
        {
            return;
        }

        // Validated: the connector is there and the text parses. The secrets go encrypted into their column, the
        // Settings column gets the non-secret values and a marker per secret.
        var connector = Lookup(write).Connector!;
        ConnectionSettings.TryParse(SettingsText(write), out var entered, out _);
        var stored = await StoredSecretsAsync(write, cancellationToken);
        var change = SettingsChange.Apply(connector.Info, entered, stored);
        if (write.Operation == WriteOperation.Update)
        {
            write.SetServerValue("Settings", change.Stored(connector.Info));
            if (!SameSecrets(stored, change.Secrets))
            {
                write.SetColumn("Secrets", _setup.Protect(change.Secrets));
            }

            return;
        }

        var values = _setup.New(connector, change, write.Get("IntervalSeconds") as long?);
        write.SetServerValue("Network", values.Network);
        write.SetServerValue("Status", values.Status);
        write.SetServerValue("NextSyncAt", values.NextSyncAt);
        write.SetServerValue("IntervalSeconds", values.IntervalSeconds);
        write.SetServerValue("Settings", values.Settings);
        write.SetColumn("Secrets", values.Secrets);
        write.SetColumn("CreatedAt", DbTime.Format(values.CreatedAt));
    }

    private static string SettingsText(WriteContext write) => write.Has("Settings") ? write.Get("Settings") as string ?? "" : ConnectionSettings.Empty;

    private async Task<IReadOnlyDictionary<string, string>> StoredSecretsAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Operation == WriteOperation.Insert)
        {
            return new Dictionary<string, string>();
        }

        await using var command = write.Connection.CreateCommand();
        command.Transaction = write.Transaction;
        command.CommandText = "SELECT Secrets FROM Connections WHERE Id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = write.Key;
        command.Parameters.Add(parameter);
        return _setup.Secrets(await command.ExecuteScalarAsync(cancellationToken) as byte[]);
    }

    private static bool SameSecrets(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && value == p.Value);
}
