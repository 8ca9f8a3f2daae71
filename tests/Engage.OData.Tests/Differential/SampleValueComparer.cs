namespace Engage.OData.Tests.Differential;

/// <summary>
/// The evaluator's ordering of values, mirroring SQLite under the engine's storage conventions: NULL
/// before everything, numbers numerically, strings by their UTF-8 bytes (binary collation; this is
/// code-point order, which differs from .NET's UTF-16 ordinal order above U+D7FF), booleans false
/// before true, dates and instants chronologically (a Date compared with an instant is its UTC midnight).
/// </summary>
internal sealed class SampleValueComparer : IComparer<object?>
{
    public static SampleValueComparer Instance { get; } = new();

    public int Compare(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        return (x, y) switch
        {
            (string a, string b) => CompareUtf8(a, b),
            (bool a, bool b) => a.CompareTo(b),
            (DateOnly a, DateOnly b) => a.CompareTo(b),
            (long or int, long or int) => Convert.ToInt64(x, null).CompareTo(Convert.ToInt64(y, null)),
            (long or int or double, long or int or double) => Convert.ToDouble(x, null).CompareTo(Convert.ToDouble(y, null)),
            _ => AsInstant(x).CompareTo(AsInstant(y)),
        };
    }

    /// <summary>OData <c>eq</c> as the engine implements it: null equals null, and nothing else.</summary>
    public static bool NullSafeEquals(object? x, object? y) => Instance.Compare(x, y) == 0;

    public static int CompareUtf8(string a, string b)
    {
        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft ? 1 : hasRight ? -1 : 0;
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    private static DateTimeOffset AsInstant(object value) => value switch
    {
        DateTimeOffset instant => instant,
        DateOnly date => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        _ => throw new InvalidOperationException($"The evaluator cannot compare a {value.GetType().Name}."),
    };
}
