namespace Engage.Plugins.Mastodon.Api;

/// <summary>
/// Mastodon ids are strings, "cast from an integer but not guaranteed to be a number": compared as big integers when
/// both look numeric (longer is larger, then digit by digit), otherwise ordinally. Never parsed into a number type.
/// </summary>
internal static class StatusIds
{
    public static int Compare(string a, string b)
    {
        if (IsNumeric(a) && IsNumeric(b))
        {
            var x = a.TrimStart('0');
            var y = b.TrimStart('0');
            return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
        }

        return string.CompareOrdinal(a, b);
    }

    /// <summary>The larger of two ids; null counts as smallest.</summary>
    public static string? Max(string? a, string? b) => a is null ? b : b is null ? a : Compare(a, b) >= 0 ? a : b;

    private static bool IsNumeric(string id) => id.Length > 0 && id.All(char.IsAsciiDigit);
}
