using System.Diagnostics;

namespace Engage.Benchmarks;

/// <summary>Runs an action after a warm-up and returns the median and the 90th percentile, in milliseconds.</summary>
internal static class Timing
{
    public static async Task<(double Median, double P90)> MeasureAsync(Func<Task> action, int warmup, int repetitions)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action();
        }

        var samples = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            samples[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[repetitions / 2], samples[Math.Min(repetitions - 1, (int)Math.Ceiling(repetitions * 0.9) - 1)]);
    }
}
