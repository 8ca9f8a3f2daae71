using System.Diagnostics;
using System.Globalization;

namespace Engage.Benchmarks;

/// <summary>
/// (b) The whole table through next links: rows/s (median of the repetitions, with the slowest and fastest run) and
/// memory, against a direct read of the same rows. One warm-up export of <see cref="WarmupRows"/> rows first, so the
/// first measured export does not pay for the JIT.
/// </summary>
internal static class ExportScenario
{
    private const int WarmupRows = 100_000;

    public static async Task RunAsync(EngineReader engine, DirectReader direct, string databasePath, BenchmarkOptions options, TextWriter output)
    {
        var runs = Math.Max(1, options.Repetitions);
        var sql = $"SELECT {DirectReader.Columns} FROM \"Interactions\" ORDER BY \"Id\" ASC";
        long directRows = 0;
        var directRates = await MeasureAsync(runs, () => Task.FromResult(directRows = direct.ReadAll(sql)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"b0 direct, one statement: {directRows:N0} rows, {Rates(directRates)}"));
        await engine.ReadAllAsync($"Interactions?$top={WarmupRows}", options.ExportPageSizes[0]);

        foreach (var pageSize in options.ExportPageSizes)
        {
            var pagedRates = await MeasureAsync(runs, () => Task.FromResult(direct.ReadAllKeysetPaged(pageSize)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"b0 direct, keyset pages of {pageSize} (WHERE Id > @last LIMIT n + 1): {Rates(pagedRates)}"));
            await ExportAsync($"b1 engine export, pages of {pageSize}", engine, pageSize, directRows, runs, output);
        }

        // The same export as one page (server page size raised to the table size): the engine's streaming
        // without any per-page cost, the ceiling of a paged export.
        await using (var onePage = await InteractionService.StartAsync(databasePath, pageSize: options.Rows + 1))
        {
            await ExportAsync("b2 engine export, one page", new EngineReader(onePage.Client), options.Rows + 1, directRows, runs, output);
        }

        using var process = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   process PeakWorkingSet64 so far: {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB (includes database generation when it ran in this process)"));
    }

    private static async Task ExportAsync(string title, EngineReader engine, int pageSize, long tableRows, int runs, TextWriter output)
    {
        Collect();
        using var sampler = new MemorySampler();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pages = 0;
        var rates = await MeasureAsync(runs, async () =>
        {
            var (rows, pageCount) = await engine.ReadAllAsync("Interactions", pageSize);
            pages = pageCount;
            return rows == tableRows ? rows : throw new InvalidOperationException($"The engine exported {rows} rows, the table has {tableRows}.");
        });
        var allocatedPerRow = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)(tableRows * runs);
        sampler.Sample();
        var median = rates[runs / 2];
        var peakMb = sampler.MaxWorkingSet / 1024.0 / 1024.0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {tableRows:N0} rows in {pages} pages, {Rates(rates)} (target >= 200,000: {(median >= 200_000 ? "met" : "NOT met")})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   memory over the {runs} runs (server + streaming client in one process): max working set {peakMb:F0} MB (target < 250 MB: {(peakMb < 250 ? "met" : "NOT met")}), max GC heap {sampler.MaxManagedHeap / 1024.0 / 1024.0:F0} MB, allocated {allocatedPerRow:F0} bytes/row"));
    }

    /// <summary>Runs the export <paramref name="runs"/> times; returns the rates in rows/s, sorted.</summary>
    private static async Task<double[]> MeasureAsync(int runs, Func<Task<long>> export)
    {
        var rates = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var rows = await export();
            rates[i] = rows / stopwatch.Elapsed.TotalSeconds;
        }

        Array.Sort(rates);
        return rates;
    }

    private static string Rates(double[] sorted) => string.Create(CultureInfo.InvariantCulture,
        $"median of {sorted.Length}: {sorted[sorted.Length / 2]:N0} rows/s (runs {sorted[0]:N0} to {sorted[^1]:N0})");

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
