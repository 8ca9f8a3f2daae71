using System.Globalization;
using Engage.OData.Hosting;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Paging;

/// <summary>
/// The <c>Prefer</c> header values the engine honours: <c>odata.maxpagesize</c> (or its unprefixed
/// form <c>maxpagesize</c>) and <c>omit-values=nulls</c>. Everything else is ignored.
/// </summary>
internal sealed record ClientPreferences(int? MaxPageSize, bool OmitNulls)
{
    public static ClientPreferences From(HttpRequest request)
    {
        int? maxPageSize = null;
        var omitNulls = false;
        foreach (var header in request.Headers[ODataHeaders.Prefer])
        {
            foreach (var preference in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var nameValue = preference.Split(';', 2)[0];
                var equals = nameValue.IndexOf('=', StringComparison.Ordinal);
                var name = (equals < 0 ? nameValue : nameValue[..equals]).Trim().ToLowerInvariant();
                var value = equals < 0 ? string.Empty : nameValue[(equals + 1)..].Trim().Trim('"');
                if (name is "odata.maxpagesize" or "maxpagesize"
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
                {
                    maxPageSize = size;
                }
                else if (name == "omit-values" && value.Equals("nulls", StringComparison.OrdinalIgnoreCase))
                {
                    omitNulls = true;
                }
            }
        }

        return new ClientPreferences(maxPageSize, omitNulls);
    }
}
