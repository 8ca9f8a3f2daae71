using Engage.OData.Binding;
using Engage.OData.Expand;
using Engage.OData.Hosting;
using Engage.OData.Json;
using Engage.OData.Query;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Writes;

/// <summary>Writes one entity read by <see cref="EntityRows"/> as the response body (context <c>#Set/$entity</c>, ETag header).</summary>
internal static class EntityResponse
{
    /// <summary>
    /// The JSON format of the representation to return (406 when the client accepts none). Called before the
    /// write, so a client that cannot read the answer changes nothing.
    /// </summary>
    public static ODataJsonFormat Negotiate(HttpContext context, ServiceBinding service)
    {
        var definition = service.Definition;
        var request = context.Request;
        var options = RawQueryOptions.Parse(request.QueryString.Value, definition.MaxQueryStringLength, definition.MaxQueryOptionLength);
        return JsonFormatNegotiator.Negotiate(request, options);
    }

    public static async Task WriteAsync(HttpContext context, ServiceBinding service, EntitySetBinding set, object[] raw, ODataJsonFormat format, int statusCode)
    {
        var definition = service.Definition;
        var request = context.Request;
        var urls = ServiceUrls.From(request, definition.RoutePrefix);
        var columns = set.Properties.Select((property, ordinal) => (property, ordinal)).ToList();
        var keyOrdinal = columns.First(c => c.property == set.Key).ordinal;
        var versionOrdinal = EntityRows.VersionOrdinal(set);
        var rows = new EntityRowWriter(set, columns, keyOrdinal, format, false, urls, definition.Dialect, null, versionOrdinal);
        var reader = new RowBufferReader(raw.Length) { Current = raw };

        var response = context.Response;
        response.StatusCode = statusCode;
        ODataHeaders.SetVersion(response);
        response.ContentType = format.ContentType;
        SetETag(response, set, raw);
        var contextUrl = format.Level == MetadataLevel.None ? null : urls.Context(set.Name + "/$entity");
        await FeedWriter.WriteEntityAsync(response.BodyWriter, contextUrl, rows, reader, context.RequestAborted);
    }

    /// <summary>Sets the <c>ETag</c> header from the row's version, when the set has one.</summary>
    public static void SetETag(HttpResponse response, EntitySetBinding set, object[] raw)
    {
        if (EntityRows.VersionOrdinal(set) is { } ordinal)
        {
            response.Headers.ETag = ETags.Format(Convert.ToInt64(raw[ordinal], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The canonical URL of an entity, for <c>Location</c> and <c>OData-EntityId</c>.</summary>
    public static string EntityUrl(HttpRequest request, ServiceBinding service, EntitySetBinding set, object[] raw)
    {
        var urls = ServiceUrls.From(request, service.Definition.RoutePrefix);
        var key = raw[set.Properties.ToList().IndexOf(set.Key)];
        return urls.EntitySet(set.Name) + "(" + KeyLiteral.Format(key, set.Key.Kind) + ")";
    }
}
