using Engage.OData.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Engage.OData.Metadata;

/// <summary>Serves <c>$metadata</c> as CSDL XML whatever the Accept header says, with ETag and 304.</summary>
internal static class MetadataEndpoint
{
    public static async Task WriteAsync(HttpContext context, MetadataDocument document)
    {
        var response = context.Response;
        ODataHeaders.SetVersion(response);
        response.Headers.ETag = document.ETag;
        response.Headers.CacheControl = "no-cache";
        if (Matches(context.Request, document.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ODataHeaders.XmlContentType;
        response.ContentLength = document.Content.Length;
        await response.Body.WriteAsync(document.Content, context.RequestAborted);
    }

    private static bool Matches(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
