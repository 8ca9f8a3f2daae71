using System.Globalization;

namespace Engage.OData.Tests.Differential;

/// <summary>
/// Literals of each kind, mostly drawn from the data set's own values (so comparisons hit equal values)
/// and written in the several forms OData allows (offsets, fractions, exponents).
/// </summary>
internal static class LiteralFactory
{
    /// <summary>The literal kinds that may be compared with a value of <paramref name="kind"/> (numeric and date promotion).</summary>
    public static SampleKind[] CompatibleKinds(SampleKind kind) => kind switch
    {
        SampleKind.Int32 => [SampleKind.Int32, SampleKind.Int32, SampleKind.Int64, SampleKind.Double],
        SampleKind.Int64 => [SampleKind.Int64, SampleKind.Int64, SampleKind.Int32],
        SampleKind.Double => [SampleKind.Double, SampleKind.Double, SampleKind.Int32],
        SampleKind.Decimal => [SampleKind.Decimal, SampleKind.Decimal, SampleKind.Int32],
        SampleKind.Date => [SampleKind.Date, SampleKind.Date, SampleKind.DateTimeOffset],
        SampleKind.DateTimeOffset => [SampleKind.DateTimeOffset, SampleKind.DateTimeOffset, SampleKind.Date],
        _ => [kind],
    };

    public static Literal Create(Random random, SampleKind kind)
    {
        switch (kind)
        {
            case SampleKind.String:
                var text = random.Next(10) == 0 ? "no such value" : SampleDataSet.Strings[random.Next(SampleDataSet.Strings.Count)];
                return new Literal("'" + text.Replace("'", "''", StringComparison.Ordinal) + "'", text);
            case SampleKind.Int32:
                var small = random.Next(-25, 26);
                return new Literal(small.ToString(CultureInfo.InvariantCulture), (long)small);
            case SampleKind.Int64:
                var big = SampleDataSet.Bigs[random.Next(SampleDataSet.Bigs.Count)];
                return new Literal(big.ToString(CultureInfo.InvariantCulture), big);
            case SampleKind.Double:
                var d = SampleDataSet.Doubles[random.Next(SampleDataSet.Doubles.Count)];
                return new Literal(d.ToString("R", CultureInfo.InvariantCulture), d);
            case SampleKind.Decimal:
                var m = SampleDataSet.Decimals[random.Next(SampleDataSet.Decimals.Count)];
                return new Literal(m.ToString(CultureInfo.InvariantCulture), (double)m);
            case SampleKind.Boolean:
                var b = random.Next(2) == 0;
                return new Literal(b ? "true" : "false", b);
            case SampleKind.Date:
                var day = new DateOnly(2023, 12, 25).AddDays(random.Next(-2, 62));
                return new Literal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day);
            default:
                return Instant(random);
        }
    }

    private static Literal Instant(Random random)
    {
        var instant = SampleDataSet.AnInstant(random);
        var text = random.Next(4) switch
        {
            0 => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            1 => instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture),
            2 => instant.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            _ => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        };
        return new Literal(text, instant);
    }
}
