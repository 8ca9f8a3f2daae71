using System.Globalization;
using System.Text;

namespace Engage.Plugins.SummaryReport.Summary;

/// <summary>Display strings for the model, in the invariant culture, so the template needs no helpers.</summary>
internal static class Display
{
    public const string Unknown = "n/a";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>12,345</c>.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Count(long? value) => value is { } v ? Count(v) : Unknown;

    /// <summary>A ratio as a percentage with one decimal: <c>4.2 %</c>.</summary>
    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", Invariant) + " %" : Unknown;

    /// <summary>A plain ratio with two decimals: <c>0.51</c>.</summary>
    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", Invariant) : Unknown;

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>A duration in the largest sensible units: <c>45 s</c>, <c>12 min</c>, <c>2 h 15 min</c>, <c>1 d 3 h</c>.</summary>
    public static string Duration(long seconds)
    {
        if (seconds < 60)
        {
            return $"{Math.Max(0, seconds).ToString(Invariant)} s";
        }

        var minutes = (long)Math.Round(seconds / 60.0);
        if (minutes < 60)
        {
            return $"{minutes.ToString(Invariant)} min";
        }

        if (minutes < 24 * 60)
        {
            var (h, m) = Math.DivRem(minutes, 60);
            return m == 0 ? $"{h.ToString(Invariant)} h" : $"{h.ToString(Invariant)} h {m.ToString(Invariant)} min";
        }

        var hours = (long)Math.Round(seconds / 3600.0);
        var (d, rest) = Math.DivRem(hours, 24);
        return rest == 0 ? $"{d.ToString(Invariant)} d" : $"{d.ToString(Invariant)} d {rest.ToString(Invariant)} h";
    }

    /// <summary>
    /// The text on one line, cut after <paramref name="max"/> characters as the reader sees them (an emoji
    /// or a letter with its marks is never split), with an ellipsis when it was cut.
    /// </summary>
    public static string Shorten(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = StringInfo.GetTextElementEnumerator(line);
        var result = new StringBuilder();
        var count = 0;
        while (elements.MoveNext())
        {
            if (++count > max)
            {
                return result.ToString().TrimEnd() + "…";
            }

            result.Append(elements.GetTextElement());
        }

        return result.ToString();
    }

    /// <summary>The network's name as people write it (<c>mastodon</c> → <c>Mastodon</c>).</summary>
    public static string Network(string id) => id switch
    {
        "x" => "X",
        "linkedin" => "LinkedIn",
        "youtube" => "YouTube",
        "tiktok" => "TikTok",
        "rss" => "RSS",
        _ when id.Length > 0 => char.ToUpperInvariant(id[0]) + id[1..],
        _ => id,
    };

    /// <summary>Only web addresses become links; anything else (<c>javascript:</c> ...) is dropped.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
