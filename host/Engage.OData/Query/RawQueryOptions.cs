using System.Net;
using Engage.OData.Errors;

namespace Engage.OData.Query;

/// <summary>The query string split into options, with the length limits enforced.</summary>
internal sealed class RawQueryOptions
{
    private RawQueryOptions(IReadOnlyList<RawQueryOption> options) => Options = options;

    public IReadOnlyList<RawQueryOption> Options { get; }

    public static RawQueryOptions Parse(string? queryString, int maxQueryStringLength, int maxOptionLength)
    {
        var query = queryString is { Length: > 0 } && queryString[0] == '?' ? queryString[1..] : queryString ?? string.Empty;
        if (query.Length > maxQueryStringLength)
        {
            throw ODataRequestException.BadRequest($"The query string is longer than {maxQueryStringLength} characters.");
        }

        var options = new List<RawQueryOption>();
        foreach (var raw in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(equals < 0 ? raw : raw[..equals]);
            var value = equals < 0 ? string.Empty : WebUtility.UrlDecode(raw[(equals + 1)..]);
            if (value.Length > maxOptionLength)
            {
                throw ODataRequestException.BadRequest($"A query option is longer than {maxOptionLength} characters.");
            }

            var normalized = name.Trim();
            normalized = (normalized.StartsWith('$') ? normalized[1..] : normalized).ToLowerInvariant();
            options.Add(new RawQueryOption(raw, name, normalized, value));
        }

        return new RawQueryOptions(options);
    }

    /// <summary>The decoded value of an option by its normalised name (<c>filter</c> for <c>$filter</c>), or null.</summary>
    public string? Find(string normalizedName)
    {
        foreach (var option in Options)
        {
            if (option.NormalizedName == normalizedName)
            {
                return option.Value;
            }
        }

        return null;
    }
}
