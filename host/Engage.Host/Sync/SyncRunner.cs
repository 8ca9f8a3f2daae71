using Engage.Host.Ingestion;
using Engage.Host.Plugins;
using System.Security.Cryptography;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Security.Secrets;
using Engage.Host.Store;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Microsoft.AspNetCore.DataProtection;

namespace Engage.Host.Sync;

/// <summary>
/// Runs one pull of one connection: connect, pull batch after batch from the stored cursor (each batch and
/// its cursor committed together), disconnect, and record the outcome. A run the network rate-limits is a pause, not a
/// failure (<see cref="RateLimitPolicy"/>); what any run committed before it stopped stays and is reported. Every call
/// into the connector goes through the <see cref="PluginInvoker"/>. For a connection with secrets, what the plugin hands back (exception messages
/// stored as the run's error, its log messages) passes through a <see cref="SecretRedactor"/> of the connection's secrets.
/// </summary>
internal sealed class SyncRunner(
    PluginCatalog catalog,
    PluginInvoker invoker,
    ConnectionStore connections,
    BatchWriter writer,
    IDataProtectionProvider protection,
    EngageDatabase database,
    IHttpClientFactory httpClients,
    ILoggerFactory loggers,
    TimeProvider time,
    Backoff backoff,
    int maxBatchesPerRun)
{
    private readonly RateLimitPolicy _rateLimits = new(backoff);

    public async Task<SyncResult> RunAsync(ConnectionRecord record, CancellationToken cancellationToken)
    {
        var runId = await connections.StartRunAsync(record, time.GetUtcNow(), cancellationToken);
        var progress = new RunProgress();
        RunOutcome outcome;
        var redactor = SecretRedactor.None;
        try
        {
            redactor = await RedactorAsync(record, cancellationToken);
            await PullAllAsync(record, runId, redactor, progress, cancellationToken);
            outcome = new RunOutcome(RunStatus.Succeeded, ConnectionStatus.Active, null, time.GetUtcNow().AddSeconds(record.IntervalSeconds), 0);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = new RunOutcome(RunStatus.Cancelled, record.Status, "Stopped because the server is shutting down; the next run resumes from the stored cursor.",
                time.GetUtcNow(), record.ConsecutiveFailures);
        }
        catch (PluginCallException limited) when (limited.Kind == PluginFailureKind.RateLimited)
        {
            var streak = await connections.RateLimitedStreakAsync(record.Id, runId, CancellationToken.None);
            outcome = _rateLimits.Outcome(record, Trim(limited.Reason), limited.RetryAfter, progress, streak, time.GetUtcNow());
        }
        catch (Exception e)
        {
            outcome = Failure(record, e);
        }

        outcome = outcome with { Error = redactor.Redact(outcome.Error) };

        await connections.FinishRunAsync(runId, record.Id, outcome, time.GetUtcNow(), CancellationToken.None);
        return new SyncResult(runId, record.WorkspaceId, progress.Fetched, progress.New, progress.Earliest, outcome);
    }

    /// <summary>The connection's secrets as a redactor; <see cref="SecretRedactor.None"/> when its connector declares none and none is stored.</summary>
    private async Task<SecretRedactor> RedactorAsync(ConnectionRecord record, CancellationToken cancellationToken)
    {
        var declares = catalog.FindConnector(record.Plugin, record.Connector) is var (_, connector) && connector.Info.Settings.Any(s => s.IsSecret);
        var stored = await new ConnectionSecrets(database, protection.CreateProtector(ConnectionSecrets.Purpose), record.Id).ReadAllAsync(cancellationToken);
        return !declares && stored.Count == 0 ? SecretRedactor.None : SecretRedactor.For(stored.Values);
    }

    private async Task PullAllAsync(ConnectionRecord record, long runId, SecretRedactor redactor, RunProgress progress, CancellationToken cancellationToken)
    {
        if (catalog.FindConnector(record.Plugin, record.Connector) is not var (plugin, connector))
        {
            var known = catalog.Find(record.Plugin);
            throw new PluginUnavailableException(record.Plugin, known?.Status ?? PluginStatus.Failed,
                known is null ? "no plugin with this id is installed" : known.Reason ?? $"it has no connector '{record.Connector}'");
        }

        var context = CreateContext(record, plugin, connector.Info, redactor);
        var scope = new ConnectionScope(record.Id, record.WorkspaceId, record.Network, TimeZones.FindOrUtc(record.TimeZone));
        var session = await invoker.InvokeAsync(plugin, "connect", ct => connector.ConnectAsync(context, ct), cancellationToken, redactor: redactor);
        try
        {
            if (session is not IPullSession pull)
            {
                throw new PluginException($"connector '{record.Connector}' declares pull but its session does not implement IPullSession", PluginFailureKind.Permanent);
            }

            var cursor = record.Cursor;
            for (var batchNumber = 1; ; batchNumber++)
            {
                var from = cursor;
                var batch = await invoker.InvokeAsync(plugin, "pull", ct => pull.PullAsync(from, ct), cancellationToken, redactor: redactor);
                progress.Add(await writer.WriteAsync(scope, batch, runId, cancellationToken));
                var moved = batch.NextCursor is not null && batch.NextCursor != cursor;
                cursor = batch.NextCursor ?? cursor;
                if (!batch.HasMore)
                {
                    return;
                }

                if (!moved && batch.Count == 0)
                {
                    throw new PluginException("the connector said it had more but returned nothing and kept its cursor", PluginFailureKind.Permanent);
                }

                if (batchNumber >= maxBatchesPerRun)
                {
                    return; // the rest follows in the next run, from the stored cursor
                }
            }
        }
        finally
        {
            await DisposeQuietlyAsync(plugin, session, redactor);
        }
    }

    private ConnectorContext CreateContext(ConnectionRecord record, LoadedPlugin plugin, ConnectorInfo info, SecretRedactor redactor)
    {
        // The stored settings without the secrets' markers, with the declared defaults: secrets only through the accessor.
        var settings = ConnectionSettings.ForConnector(info, record.SettingsJson);
        var secrets = new ConnectionSecrets(database, protection.CreateProtector(ConnectionSecrets.Purpose), record.Id, info, redactor);
        var logger = RedactingLogger.Wrap(loggers.CreateLogger($"Engage.Plugins.{plugin.Id}"), redactor);
        return new ConnectorContext(record.Id, record.TimeZone, settings, secrets, logger, time, httpClients.CreateClient("connectors"));
    }

    private async Task DisposeQuietlyAsync(LoadedPlugin plugin, IConnectorSession session, SecretRedactor redactor)
    {
        try
        {
            await invoker.InvokeAsync(plugin, "dispose", async _ => await session.DisposeAsync(), CancellationToken.None, TimeSpan.FromSeconds(30), redactor);
        }
        catch (Exception)
        {
            // Already logged and counted by the invoker; a failed dispose must not hide the run's own outcome.
        }
    }

    private RunOutcome Failure(ConnectionRecord record, Exception e)
    {
        var now = time.GetUtcNow();
        var failures = record.ConsecutiveFailures + 1;
        return e switch
        {
            PluginUnavailableException u => new RunOutcome(RunStatus.Failed,
                u.Status == PluginStatus.Quarantined ? ConnectionStatus.PluginQuarantined : ConnectionStatus.PluginUnavailable,
                $"The plugin {u.PluginId} is {u.Status}: {Trim(u.Message)}", now.AddSeconds(record.IntervalSeconds), failures),
            PluginCallException { Kind: PluginFailureKind.CredentialsInvalid } c => new RunOutcome(RunStatus.Failed, ConnectionStatus.NeedsCredentials,
                $"The network refused the credentials ({Trim(c.Reason)}). Enter new credentials for this connection.", null, failures),
            PluginCallException { IsRetryable: true } c => new RunOutcome(RunStatus.Failed, ConnectionStatus.Retrying,
                $"{Trim(c.Reason)} (attempt {failures}; retrying with back-off)", now + backoff.Delay(failures, c.RetryAfter), failures),
            PluginCallException c => new RunOutcome(RunStatus.Failed, ConnectionStatus.Failed,
                $"{Trim(c.Reason)}. Fix the connection's settings or update the plugin, then re-enable the connection.", null, failures),
            CryptographicException => new RunOutcome(RunStatus.Failed, ConnectionStatus.NeedsCredentials,
                "The connection's secrets cannot be decrypted with this server's key ring (was the data folder's keys/ folder replaced, or is the " +
                "key ring certificate missing?). Put the key ring back (restore it with its certificate), or enter the credentials again.", null, failures),
            InvalidDataException d => new RunOutcome(RunStatus.Failed, ConnectionStatus.Failed,
                $"{Trim(d.Message)} Nothing of this batch was stored.", null, failures),
            _ => new RunOutcome(RunStatus.Failed, ConnectionStatus.Retrying, $"Unexpected error: {Trim(e.Message)}", now + backoff.Delay(failures), failures),
        };
    }

    private static string Trim(string message) => message.Length <= 2000 ? message : message[..2000] + "...";

}
