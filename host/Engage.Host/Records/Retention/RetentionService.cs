namespace Engage.Host.Records.Retention;

/// <summary>
/// Runs a <see cref="RetentionPurger"/> pass every <c>Engage:Retention:IntervalMinutes</c> (default 60), the first one
/// a minute after start. A failed pass is logged and retried at the next interval; the server keeps running.
/// </summary>
internal sealed class RetentionService(RetentionPurger purger, RetentionOptions options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>The Actor of the audit rows the background job writes.</summary>
    public const string Actor = "retention job";

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("The retention job is disabled (Engage:Retention:Enabled = false); 'retention run' still purges on demand");
            return;
        }

        if (!(options.IntervalMinutes > 0) || options.BatchSize < 1)
        {
            logger.LogError("The retention job does not run: Engage:Retention:IntervalMinutes must be above 0 and Engage:Retention:BatchSize at least 1 " +
                "(they are {Minutes} and {BatchSize}); fix appsettings.json and restart", options.IntervalMinutes, options.BatchSize);
            return;
        }

        var interval = TimeSpan.FromMinutes(options.IntervalMinutes);
        var delay = interval < FirstDelay ? interval : FirstDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken);
                foreach (var held in (await purger.RunAsync(Actor, stoppingToken)).Where(r => r.Outcome == PurgeOutcome.LegalHold))
                {
                    logger.LogInformation("Retention skipped workspace {Workspace} ({Name}): it is under legal hold", held.WorkspaceId, held.Name);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
            {
                logger.LogError(e, "The retention pass failed; it runs again in {Minutes} minutes", interval.TotalMinutes);
            }

            delay = interval;
        }
    }
}
