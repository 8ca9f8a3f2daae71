namespace Engage.OData.Tests.Support;

/// <summary>
/// Sorts expected rows the way the engine's SQL does: NULL first ascending and last descending, text in binary
/// (ordinal) order, the key last. Each key is a selector and a direction.
/// </summary>
internal static class SqliteOrder
{
    public static List<T> Sort<T>(IEnumerable<T> rows, params (Func<T, object?> Key, bool Descending)[] keys) =>
        [.. rows.Order(Comparer<T>.Create((a, b) => Compare(a, b, keys)))];

    /// <summary>Whether <paramref name="row"/> sorts strictly after <paramref name="last"/>.</summary>
    public static bool After<T>(T row, T last, params (Func<T, object?> Key, bool Descending)[] keys) => Compare(row, last, keys) > 0;

    private static int Compare<T>(T a, T b, (Func<T, object?> Key, bool Descending)[] keys)
    {
        foreach (var (key, descending) in keys)
        {
            var result = CompareValues(key(a), key(b));
            if (result != 0)
            {
                return descending ? -result : result;
            }
        }

        return 0;
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => ((IComparable)a).CompareTo(b),
    };
}
