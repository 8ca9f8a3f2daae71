namespace Engage.Plugins.Mastodon.Api;

/// <summary>
/// The paging links of an RFC 8288 <c>Link</c> header as Mastodon sends them:
/// <c>&lt;https://…?max_id=1&gt;; rel="next", &lt;https://…?min_id=9&gt;; rel="prev"</c>.
/// </summary>
/// <param name="Next">Older items (<c>rel="next"</c>), or null at the end.</param>
/// <param name="Prev">Newer items (<c>rel="prev"</c>).</param>
internal sealed record LinkHeader(Uri? Next, Uri? Prev)
{
    public static LinkHeader None { get; } = new(null, null);

    public static LinkHeader Parse(IEnumerable<string> values)
    {
        Uri? next = null, prev = null;
        foreach (var value in values)
        {
            foreach (var part in SplitLinks(value))
            {
                var open = part.IndexOf('<', StringComparison.Ordinal);
                var close = part.IndexOf('>', StringComparison.Ordinal);
                if (open < 0 || close < open || !Uri.TryCreate(part[(open + 1)..close].Trim(), UriKind.Absolute, out var target))
                {
                    continue;
                }

                foreach (var parameter in part[(close + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var pair = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
                    if (pair.Length != 2 || !pair[0].Equals("rel", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    foreach (var rel in pair[1].Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (rel.Equals("next", StringComparison.OrdinalIgnoreCase))
                        {
                            next ??= target;
                        }
                        else if (rel.Equals("prev", StringComparison.OrdinalIgnoreCase) || rel.Equals("previous", StringComparison.OrdinalIgnoreCase))
                        {
                            prev ??= target;
                        }
                    }
                }
            }
        }

        return new LinkHeader(next, prev);
    }

    /// <summary>Splits at the commas between links (a comma inside &lt;…&gt; belongs to the address).</summary>
    private static IEnumerable<string> SplitLinks(string value)
    {
        var start = 0;
        var inside = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '<': inside = true; break;
                case '>': inside = false; break;
                case ',' when !inside:
                    yield return value[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return value[start..];
    }
}
