using System.Net.Sockets;
using Engage.Host.Security.Secrets;
using Engage.Sdk.Failures;

namespace Engage.Host.Plugins.Invocation;

/// <summary>
/// The one way the host calls plugin code: a timeout and cancellation on every call, every exception
/// caught, logged with the plugin id, version and operation, classified as retryable or permanent, and
/// counted. A plugin that faults <see cref="PluginInvokerOptions.QuarantineAfterFaults"/> times in a row is
/// quarantined. A plugin that ignores cancellation is abandoned after a grace period (its task may still
/// run: only a process boundary could stop it) and the call counts as a fault. With a <see cref="SecretRedactor"/>, the
/// plugin's exception text is masked before it is logged or handed on (the message and the inner exception alike).
/// </summary>
internal sealed class PluginInvoker(PluginInvokerOptions options, ILogger<PluginInvoker> logger, Action<LoadedPlugin>? onStatusChanged = null)
{
    public async Task<T> InvokeAsync<T>(
        LoadedPlugin plugin, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? timeout = null,
        SecretRedactor? redactor = null)
    {
        if (!plugin.IsAvailable)
        {
            throw new PluginUnavailableException(plugin.Id, plugin.Status, plugin.Reason);
        }

        var limit = timeout ?? options.CallTimeout;
        using var timeoutSource = new CancellationTokenSource(limit);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        // On the thread pool: a plugin that blocks before returning its task is bounded by the timeout too.
        var task = Task.Run(() => call(linked.Token), CancellationToken.None);
        try
        {
            var result = await task.WaitAsync(limit + options.CancellationGrace, cancellationToken).ConfigureAwait(false);
            plugin.RecordSuccess();
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !task.IsCompleted)
        {
            // The caller gave up and the plugin did not stop in time: count it, then report the cancellation.
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            Fault(plugin, operation, "ignored cancellation");
            throw;
        }
        catch (TimeoutException e) when (!task.IsCompleted)
        {
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            throw Fail(plugin, operation, PluginFailureKind.Transient,
                $"did not finish within {limit.TotalSeconds:0} s and ignored cancellation", isFault: true, inner: e);
        }
        catch (Exception e)
        {
            throw Classify(plugin, operation, e, limit, cancellationToken, timeoutSource.IsCancellationRequested, redactor ?? SecretRedactor.None);
        }
    }

    public Task InvokeAsync(
        LoadedPlugin plugin, string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken, TimeSpan? timeout = null,
        SecretRedactor? redactor = null) =>
        InvokeAsync(plugin, operation, async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken, timeout, redactor);

    private Exception Classify(
        LoadedPlugin plugin, string operation, Exception e, TimeSpan limit, CancellationToken caller, bool timedOut, SecretRedactor redactor)
    {
        switch (e)
        {
            case OperationCanceledException when caller.IsCancellationRequested:
                return e;
            case OperationCanceledException when timedOut:
                return Fail(plugin, operation, PluginFailureKind.Transient, $"timed out after {limit.TotalSeconds:0} s", isFault: true, inner: e);
            case PluginException p:
                plugin.RecordSuccess(); // a failure the plugin understood is not a fault of the plugin
                var reason = redactor.Redact(p.Message)!;
                if (p.Kind == PluginFailureKind.RateLimited)
                {
                    // A pause the network asked for, not a failure (see Sync/RateLimitPolicy): information, not a warning.
                    logger.LogInformation("Plugin {PluginId} {Version} {Operation} was rate limited by the network (retry after {RetryAfter}): {Message}",
                        plugin.Id, plugin.Version, operation, p.RetryAfter?.ToString("c", System.Globalization.CultureInfo.InvariantCulture) ?? "not given", reason);
                }
                else
                {
                    logger.LogWarning("Plugin {PluginId} {Version} {Operation} failed ({Kind}): {Message}",
                        plugin.Id, plugin.Version, operation, p.Kind, reason);
                }

                return new PluginCallException(plugin.Id, operation, p.Kind, reason, isFault: false, p.RetryAfter, redactor.Redact(p));
            case HttpRequestException or IOException or SocketException or TimeoutException:
                plugin.RecordSuccess();
                var network = redactor.Redact(e.Message);
                logger.LogWarning("Plugin {PluginId} {Version} {Operation} hit a network error: {Message}",
                    plugin.Id, plugin.Version, operation, network);
                return new PluginCallException(plugin.Id, operation, PluginFailureKind.Transient, $"network error: {network}", isFault: false, inner: redactor.Redact(e));
            default:
                return Fail(plugin, operation, PluginFailureKind.Transient, $"{e.GetType().Name}: {redactor.Redact(e.Message)}", isFault: true, inner: redactor.Redact(e));
        }
    }

    private PluginCallException Fail(LoadedPlugin plugin, string operation, PluginFailureKind kind, string message, bool isFault, Exception? inner)
    {
        if (isFault)
        {
            Fault(plugin, operation, message, inner);
        }

        return new PluginCallException(plugin.Id, operation, kind, message, isFault, inner: inner);
    }

    private void Fault(LoadedPlugin plugin, string operation, string message, Exception? inner = null)
    {
        logger.LogError(inner, "Plugin {PluginId} {Version} {Operation} faulted: {Message}", plugin.Id, plugin.Version, operation, message);
        if (plugin.RecordFault(options.QuarantineAfterFaults, $"{operation}: {message}"))
        {
            logger.LogError("Plugin {PluginId} {Version} quarantined: {Reason}", plugin.Id, plugin.Version, plugin.Reason);
            onStatusChanged?.Invoke(plugin);
        }
    }
}
