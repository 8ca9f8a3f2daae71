using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Store;
using Engage.Sdk.Data;
using Engage.Sdk.Metrics;

namespace Engage.Host.Metrics;

/// <summary>
/// Runs every loaded metric calculator for a workspace and replaces the values it produced before for the
/// same range, so <c>MetricValues</c> always says which calculator and version made each figure.
/// </summary>
internal sealed class MetricRunner(
    PluginCatalog catalog, PluginInvoker invoker, EngageDatabase database, TimeProvider time, ILogger<MetricRunner> logger)
{
    public const int MaxValuesPerRun = 1_000_000;
    private static readonly IReadOnlyList<MetricPeriod> AllPeriods = [MetricPeriod.Day, MetricPeriod.Week, MetricPeriod.Month];

    /// <summary>Computes from <paramref name="from"/> to today; logs (never throws) a calculator's failure.</summary>
    public async Task ComputeQuietlyAsync(long workspaceId, DateOnly from, CancellationToken cancellationToken)
    {
        try
        {
            await ComputeAsync(workspaceId, from, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Metric computation for workspace {WorkspaceId} failed", workspaceId);
        }
    }

    /// <summary>Returns the number of values stored per calculator.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ComputeAsync(long workspaceId, DateOnly from, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceReader.FindAsync(database, workspaceId, cancellationToken)
            ?? throw new InvalidOperationException($"Workspace {workspaceId} does not exist.");
        var today = DbTime.LocalDate(time.GetUtcNow(), TimeZones.FindOrUtc(workspace.TimeZone));
        var range = new DateRange(AlignStart(from), today < from ? from : today);
        var stored = new Dictionary<string, int>();
        foreach (var (plugin, calculator) in catalog.Calculators.ToList())
        {
            try
            {
                stored[calculator.Info.Name] = await RunOneAsync(plugin, calculator, workspace, range, cancellationToken);
            }
            catch (Exception e) when (e is PluginCallException or PluginUnavailableException or InvalidDataException)
            {
                logger.LogError("Calculator {Calculator} of plugin {PluginId} failed for workspace {WorkspaceId}: {Message}",
                    calculator.Info.Name, plugin.Id, workspaceId, e.Message);
            }
        }

        return stored;
    }

    /// <summary>The first day to recompute: the start of the month of <paramref name="day"/>, moved back to its week's Monday.</summary>
    public static DateOnly AlignStart(DateOnly day)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        return month.AddDays(-(((int)month.DayOfWeek + 6) % 7));
    }

    private async Task<int> RunOneAsync(
        LoadedPlugin plugin, IMetricCalculator calculator, WorkspaceView workspace, DateRange range, CancellationToken cancellationToken)
    {
        var info = calculator.Info;
        var view = new WorkspaceDataView(database, workspace, info.Reads, plugin.Id);
        var values = await invoker.InvokeAsync(plugin, "compute", async ct =>
        {
            var list = new List<MetricValueItem>();
            await foreach (var value in calculator.ComputeAsync(view, new MetricRequest(range, AllPeriods), ct).WithCancellation(ct))
            {
                if (list.Count >= MaxValuesPerRun)
                {
                    throw new InvalidDataException($"produced more than {MaxValuesPerRun} values in one run");
                }

                list.Add(value);
            }

            return list;
        }, cancellationToken);

        var known = info.Metrics.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var stray = values.FirstOrDefault(v => !known.Contains(v.Metric) || !range.Contains(v.Date) || !double.IsFinite(v.Value));
        if (stray is not null)
        {
            throw new InvalidDataException(
                $"produced an invalid value (metric '{stray.Metric}', {stray.Date:yyyy-MM-dd}, {stray.Value}): metrics must be declared, dated within the range and finite");
        }

        await MetricValueWriter.ReplaceAsync(database, workspace.Id, info, range, values, time.GetUtcNow(), cancellationToken);
        return values.Count;
    }
}
