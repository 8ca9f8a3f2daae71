using System.Globalization;

namespace Engage.Host.Plugins.Loading;

/// <summary>
/// A version range in interval notation, as NuGet writes it: <c>[1.0,2.0)</c> means at least 1.0 and
/// below 2.0. An upper bound is required: a plugin cannot promise to work with SDK versions not yet written.
/// </summary>
internal sealed record SdkRange(Version Minimum, bool MinimumInclusive, Version Maximum, bool MaximumInclusive)
{
    public static bool TryParse(string? text, out SdkRange? range, out string error)
    {
        range = null;
        error = "";
        var s = text?.Trim() ?? "";
        if (s.Length < 5 || (s[0] != '[' && s[0] != '(') || (s[^1] != ']' && s[^1] != ')'))
        {
            error = $"sdkRange '{text}' must be an interval such as \"[1.0,2.0)\" (at least 1.0, below 2.0).";
            return false;
        }

        var parts = s[1..^1].Split(',');
        if (parts.Length != 2 || string.IsNullOrWhiteSpace(parts[1]))
        {
            error = $"sdkRange '{text}' needs both bounds, for example \"[1.0,2.0)\": an upper bound is required.";
            return false;
        }

        if (!TryVersion(parts[0], out var min) || !TryVersion(parts[1], out var max))
        {
            error = $"sdkRange '{text}' has a bound that is not a version number.";
            return false;
        }

        if (max < min || (max == min && (s[0] == '(' || s[^1] == ')')))
        {
            error = $"sdkRange '{text}' is empty: its upper bound is not above its lower bound.";
            return false;
        }

        range = new SdkRange(min, s[0] == '[', max, s[^1] == ']');
        return true;
    }

    public bool Contains(Version version)
    {
        var v = Normalize(version);
        var aboveMin = MinimumInclusive ? v >= Minimum : v > Minimum;
        var belowMax = MaximumInclusive ? v <= Maximum : v < Maximum;
        return aboveMin && belowMax;
    }

    public override string ToString() =>
        $"{(MinimumInclusive ? '[' : '(')}{Minimum},{Maximum}{(MaximumInclusive ? ']' : ')')}";

    private static bool TryVersion(string text, out Version version)
    {
        var t = text.Trim();
        if (!t.Contains('.', StringComparison.Ordinal) && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            version = new Version(major, 0, 0);
            return true;
        }

        if (Version.TryParse(t, out var parsed))
        {
            version = Normalize(parsed);
            return true;
        }

        version = new Version();
        return false;
    }

    private static Version Normalize(Version v) => new(v.Major, Math.Max(v.Minor, 0), Math.Max(v.Build, 0));
}
