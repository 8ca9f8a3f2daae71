using System.Globalization;

namespace Engage.Benchmarks;

/// <summary>Command-line options: <c>--rows N</c>, <c>--repetitions N</c>, <c>--warmup N</c>, <c>--export-pages 5000,1000</c>, <c>--scenarios a,b,b3,c,d</c>.</summary>
internal sealed record BenchmarkOptions(int Rows, int Repetitions, int Warmup, IReadOnlyList<int> ExportPageSizes, IReadOnlyList<string> Scenarios)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(1_000_000, 30, 5, [5000, 1000], ["a", "b", "b3", "c", "d"]);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--rows" => options with { Rows = int.Parse(value, CultureInfo.InvariantCulture) },
                "--repetitions" => options with { Repetitions = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--export-pages" => options with { ExportPageSizes = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--scenarios" => options with { Scenarios = value.Split(',') },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}
