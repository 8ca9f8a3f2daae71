using System.Globalization;
using Engage.OData.Errors;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Hosting;

/// <summary>OData header names, values and content types, and the version negotiation.</summary>
internal static class ODataHeaders
{
    public const string ODataVersion = "OData-Version";
    public const string ODataMaxVersion = "OData-MaxVersion";
    public const string Prefer = "Prefer";
    public const string PreferenceApplied = "Preference-Applied";
    public const string Version40 = "4.0";
    public const string XmlContentType = "application/xml";
    public const string TextContentType = "text/plain";
    public const string JsonErrorContentType = "application/json;odata.metadata=minimal;charset=utf-8";

    /// <summary>
    /// Refuses only an explicit <c>OData-MaxVersion</c> below 4.0. <c>MaxDataServiceVersion</c> (the
    /// V3 header Power Query also sends) is ignored.
    /// </summary>
    public static void CheckMaxVersion(HttpRequest request)
    {
        foreach (var value in request.Headers[ODataMaxVersion])
        {
            if (decimal.TryParse(value?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version) && version < 4.0m)
            {
                throw ODataRequestException.BadRequest($"This service speaks OData 4.0; OData-MaxVersion {value} is too low.");
            }
        }
    }

    /// <summary>Sets exactly one <c>OData-Version: 4.0</c> header.</summary>
    public static void SetVersion(HttpResponse response) => response.Headers[ODataVersion] = Version40;
}
