using System.Collections.Concurrent;
using Engage.Host.Metrics;

namespace Engage.Host.Sync;

/// <summary>
/// Runs each due connection's pull in the background, one run at a time per connection and at most
/// <c>MaxConcurrentRuns</c> at once. After a run that stored something, the workspace's metrics are
/// recomputed from the earliest day it changed. A failing or quarantined plugin only affects its own
/// connections.
/// </summary>
internal sealed class SyncScheduler(
    ConnectionStore store,
    SyncRunner runner,
    MetricRunner metrics,
    TimeProvider time,
    TimeSpan tick,
    int maxConcurrentRuns,
    bool enabled,
    ILogger<SyncScheduler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<long, Task<SyncResult>> _running = new();

    /// <summary>Starts a run for every due connection that is not already running; returns the started runs.</summary>
    public async Task<IReadOnlyList<Task<SyncResult>>> RunDueAsync(CancellationToken cancellationToken)
    {
        var started = new List<Task<SyncResult>>();
        foreach (var record in await store.ListDueAsync(time.GetUtcNow(), cancellationToken))
        {
            if (_running.Count >= maxConcurrentRuns)
            {
                break;
            }

            if (TryStart(record, cancellationToken) is { } task)
            {
                started.Add(task);
            }
        }

        return started;
    }

    /// <summary>Runs one connection now (unless it is running already, in which case that run is returned).</summary>
    public async Task<SyncResult?> RunNowAsync(long connectionId, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(connectionId, out var current))
        {
            return await current;
        }

        var record = await store.GetAsync(connectionId, cancellationToken);
        return record is null ? null : await (TryStart(record, cancellationToken) ?? _running[connectionId]);
    }

    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.CloseInterruptedRunsAsync(time.GetUtcNow(), stoppingToken);
        if (!enabled)
        {
            logger.LogInformation("The sync scheduler is disabled (Engage:Scheduler:Enabled = false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(tick, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The sync scheduler hit an error; it keeps running");
                await Task.Delay(tick, time, CancellationToken.None);
            }
        }

        try
        {
            await WhenIdleAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A sync run ended with an error during shutdown");
        }
    }

    private Task<SyncResult>? TryStart(ConnectionRecord record, CancellationToken cancellationToken)
    {
        var gate = new TaskCompletionSource();
        var task = RunOneAsync(record, gate.Task, cancellationToken);
        if (!_running.TryAdd(record.Id, task))
        {
            gate.SetCanceled(CancellationToken.None);
            return null;
        }

        gate.SetResult();
        return task;
    }

    private async Task<SyncResult> RunOneAsync(ConnectionRecord record, Task gate, CancellationToken cancellationToken)
    {
        await gate;
        await Task.Yield();
        try
        {
            var result = await runner.RunAsync(record, cancellationToken);
            logger.LogInformation("Connection {ConnectionId} ({Plugin}/{Connector}) run {RunId}: {Status}, {Fetched} items, {New} new{Error}",
                record.Id, record.Plugin, record.Connector, result.RunId, result.Outcome.RunStatus, result.ItemsFetched, result.ItemsNew,
                result.Outcome.Error is null ? "" : $"; {result.Outcome.Error}");
            if (result.EarliestDate is { } from)
            {
                await metrics.ComputeQuietlyAsync(record.WorkspaceId, from, cancellationToken);
            }

            return result;
        }
        finally
        {
            _running.TryRemove(record.Id, out _);
        }
    }
}
