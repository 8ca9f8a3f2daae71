using System.Globalization;
using Engage.OData.Json;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Hosting;

/// <summary>
/// Starts a 200 JSON answer of a read: status, exactly one <c>OData-Version</c>, the negotiated content type, and
/// <c>Preference-Applied</c> naming what the engine honoured (<c>odata.maxpagesize</c>, <c>omit-values=nulls</c>).
/// </summary>
internal static class ODataJsonResponse
{
    public static void Start(HttpResponse response, ODataJsonFormat format, int? appliedMaxPageSize, bool omitNulls)
    {
        response.StatusCode = StatusCodes.Status200OK;
        ODataHeaders.SetVersion(response);
        response.ContentType = format.ContentType;
        var applied = new List<string>(2);
        if (appliedMaxPageSize is { } size)
        {
            applied.Add("odata.maxpagesize=" + size.ToString(CultureInfo.InvariantCulture));
        }

        if (omitNulls)
        {
            applied.Add("omit-values=nulls");
        }

        if (applied.Count > 0)
        {
            response.Headers[ODataHeaders.PreferenceApplied] = string.Join(", ", applied);
        }
    }
}
