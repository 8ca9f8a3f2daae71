using System.Globalization;
using System.Text;
using Engage.OData.Query;

namespace Engage.OData.Paging;

/// <summary>
/// Builds the absolute <c>@odata.nextLink</c>: every original option verbatim (custom ones included),
/// except <c>$skip</c>, <c>$top</c> and <c>$skiptoken</c>, which are replaced by the remaining
/// <c>$top</c> and a new <c>$skiptoken</c>.
/// </summary>
internal static class NextLinkBuilder
{
    public static string Build(string entitySetUrl, RawQueryOptions options, long? remainingTop, string skipToken)
    {
        var link = new StringBuilder(entitySetUrl).Append('?');
        foreach (var option in options.Options)
        {
            if (option.NormalizedName is "skip" or "top" or "skiptoken")
            {
                continue;
            }

            link.Append(option.Raw).Append('&');
        }

        if (remainingTop is { } top)
        {
            link.Append("$top=").Append(top.ToString(CultureInfo.InvariantCulture)).Append('&');
        }

        return link.Append("$skiptoken=").Append(skipToken).ToString();
    }

    /// <summary>
    /// The part of the query a skip token is bound to: what decides which rows come in which order, including every
    /// parameter alias (<c>@a=5</c>, decoded name and value, in name order), since <c>$filter=Price gt @a</c> selects other
    /// rows with another value of <c>@a</c>. Each alias is written with the lengths of its name and value, so no alias
    /// text can pose as another.
    /// </summary>
    public static string Shape(string entitySetName, RawQueryOptions options)
    {
        var shape = new StringBuilder(entitySetName)
            .Append('\n').Append(options.Find("filter"))
            .Append('\n').Append(options.Find("orderby"))
            .Append('\n').Append(options.Find("search"))
            .Append('\n').Append(options.Find("compute"));
        foreach (var alias in options.Options.Where(o => o.NormalizedName.StartsWith('@')).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            shape.Append(CultureInfo.InvariantCulture, $"\n{alias.Name.Length}:{alias.Name}{alias.Value.Length}:{alias.Value}");
        }

        return shape.ToString();
    }
}
