using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Engage.Benchmarks;

/// <summary>
/// The OData engine benchmark (issue 3): the engine on Kestrel over a generated Interactions table,
/// against the same statements through Microsoft.Data.Sqlite. Run with <c>tests/Engage.Benchmarks/run.sh</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Engage OData benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription}; {Environment.ProcessorCount} logical CPUs; {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024:F1} GiB available; server GC {GCSettings.IsServerGC}"));
#if DEBUG
        output.WriteLine("WARNING: Debug build; figures are only meaningful with -c Release (run.sh).");
#endif
        output.WriteLine($"{options.Rows:N0} rows, {options.Warmup} warm-up runs, median of {options.Repetitions}");

        var path = InteractionDatabase.Ensure(options.Rows, output);
        await using var service = await InteractionService.StartAsync(path);
        var engine = new EngineReader(service.Client);
        var direct = new DirectReader(path);

        if (options.Scenarios.Contains("a"))
        {
            await FirstPageScenario.RunAsync(engine, direct, options, output);
        }

        if (options.Scenarios.Contains("b"))
        {
            await ExportScenario.RunAsync(engine, direct, path, options, output);
        }

        if (options.Scenarios.Contains("b3"))
        {
            await BackpressureScenario.RunAsync(path, options, output);
        }

        if (options.Scenarios.Contains("d"))
        {
            await ScopedKeyScenario.RunAsync(path, direct, options, output);
        }

        if (options.Scenarios.Contains("c"))
        {
            await GroupByScenario.RunAsync(engine, direct, options, output);
        }

        return 0;
    }
}
