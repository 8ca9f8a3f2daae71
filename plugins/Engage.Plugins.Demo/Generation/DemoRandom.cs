namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// A small, stable pseudo-random generator (SplitMix64). <see cref="System.Random"/> is not promised to give
/// the same sequence across .NET versions; the demo must, so it carries its own.
/// </summary>
internal sealed class DemoRandom(ulong state)
{
    private ulong _state = state;

    /// <summary>A generator whose sequence depends only on the given parts (seed, account, day, stream ...).</summary>
    public static DemoRandom For(int seed, long a, long b = 0, long c = 0)
    {
        var h = Mix(0x5DEECE66DUL ^ (ulong)(uint)seed);
        h = Mix(h ^ (ulong)a);
        h = Mix(h ^ (ulong)b);
        h = Mix(h ^ (ulong)c);
        return new DemoRandom(h);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number in [0, max).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A number in [min, max).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn with the given relative weights.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>A Poisson-distributed count (Knuth; fine for the small means used here).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k;
    }

    /// <summary>A value between min and max whose logarithm is uniform (minutes to a day, for example).</summary>
    public double LogUniform(double min, double max) => Math.Exp(Math.Log(min) + (NextDouble() * (Math.Log(max) - Math.Log(min))));

    /// <summary>An exponentially distributed value with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
