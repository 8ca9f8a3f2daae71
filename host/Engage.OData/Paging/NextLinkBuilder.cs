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

    /// <summary>The part of the query a skip token is bound to: what decides which rows come in which order.</summary>
    public static string Shape(string entitySetName, RawQueryOptions options) =>
        entitySetName + "\n" + options.Find("filter") + "\n" + options.Find("orderby") + "\n" + options.Find("search") + "\n" + options.Find("compute");
}
