using System.Diagnostics;
using System.Globalization;

namespace Engage.Benchmarks;

/// <summary>(b) The whole table through next links: rows/s and memory, against a direct read of the same rows.</summary>
internal static class ExportScenario
{
    public static async Task RunAsync(EngineReader engine, DirectReader direct, string databasePath, BenchmarkOptions options, TextWriter output)
    {
        var sql = $"SELECT {DirectReader.Columns} FROM \"Interactions\" ORDER BY \"Id\" ASC";
        var stopwatch = Stopwatch.StartNew();
        var directRows = direct.ReadAll(sql);
        var directRate = directRows / stopwatch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"b0 direct, one statement: {directRows:N0} rows in {stopwatch.Elapsed.TotalSeconds:F2} s = {directRate:N0} rows/s"));

        foreach (var pageSize in options.ExportPageSizes)
        {
            stopwatch.Restart();
            var pagedRows = direct.ReadAllOffsetPaged(pageSize);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"b0 direct, LIMIT/OFFSET pages of {pageSize}: {pagedRows:N0} rows in {stopwatch.Elapsed.TotalSeconds:F2} s = {pagedRows / stopwatch.Elapsed.TotalSeconds:N0} rows/s"));

            Collect();
            using var sampler = new MemorySampler();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            stopwatch.Restart();
            var (rows, pages) = await engine.ReadAllAsync("Interactions", pageSize);
            Report($"b1 engine export, pages of {pageSize}", rows, pages, stopwatch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, sampler, output);
            if (rows != directRows)
            {
                throw new InvalidOperationException($"The engine exported {rows} rows, the table has {directRows}.");
            }
        }

        // The same export as one page (server page size raised to the table size): the engine's streaming
        // without the cost of OFFSET paging, i.e. what keyset paging could approach.
        await using (var onePage = await InteractionService.StartAsync(databasePath, pageSize: options.Rows + 1))
        {
            Collect();
            using var sampler = new MemorySampler();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            stopwatch.Restart();
            var (rows, pages) = await new EngineReader(onePage.Client).ReadAllAsync("Interactions", options.Rows + 1);
            Report("b2 engine export, one page", rows, pages, stopwatch.Elapsed.TotalSeconds,
                GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, sampler, output);
        }

        using var process = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   process PeakWorkingSet64 so far: {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB (includes database generation when it ran in this process)"));
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Report(string title, long rows, int pages, double elapsed, long allocated, MemorySampler sampler, TextWriter output)
    {
        sampler.Sample();
        var rate = rows / elapsed;
        var peakMb = sampler.MaxWorkingSet / 1024.0 / 1024.0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {rows:N0} rows in {pages} pages, {elapsed:F2} s = {rate:N0} rows/s (target >= 200,000: {(rate >= 200_000 ? "met" : "NOT met")})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   memory (server + streaming client in one process): max working set {peakMb:F0} MB (target < 250 MB: {(peakMb < 250 ? "met" : "NOT met")}), max GC heap {sampler.MaxManagedHeap / 1024.0 / 1024.0:F0} MB, allocated {allocated / (double)Math.Max(1, rows):F0} bytes/row"));
    }
}
