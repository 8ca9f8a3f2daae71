using Engage.OData.Errors;
using Engage.OData.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Engage.OData.Json;

/// <summary>
/// Picks the JSON format from <c>$format</c> or the Accept header (highest quality first). Accepts
/// <c>application/json</c> with <c>odata.metadata=minimal|none|full</c> (and the V3 spellings
/// <c>odata=minimalmetadata</c>…), <c>application/*</c> and <c>*/*</c>; anything else is 406.
/// </summary>
internal static class JsonFormatNegotiator
{
    public static ODataJsonFormat Negotiate(HttpRequest request, RawQueryOptions options)
    {
        if (options.Find("format") is { } format)
        {
            var mediaType = format.Trim().Equals("json", StringComparison.OrdinalIgnoreCase) ? "application/json" : format;
            return MediaTypeHeaderValue.TryParse(mediaType, out var parsed) && FromMediaType(parsed) is { } chosen
                ? chosen
                : throw ODataRequestException.NotAcceptable($"$format '{format}' is not supported; use json.");
        }

        var accept = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return ODataJsonFormat.Default;
        }

        foreach (var range in ranges.OrderByDescending(r => r.Quality ?? 1.0))
        {
            if (range.Quality is not 0 && FromMediaType(range) is { } chosen)
            {
                return chosen;
            }
        }

        throw ODataRequestException.NotAcceptable("This service answers application/json only.");
    }

    private static ODataJsonFormat? FromMediaType(MediaTypeHeaderValue mediaType)
    {
        var type = mediaType.MediaType.Value ?? string.Empty;
        if (type is "*/*" or "application/*")
        {
            return ODataJsonFormat.Default;
        }

        if (!type.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var level = MetadataLevel.Minimal;
        var ieee754 = false;
        foreach (var parameter in mediaType.Parameters)
        {
            var name = parameter.Name.Value?.ToLowerInvariant();
            var value = parameter.Value.Value?.Trim('"').ToLowerInvariant();
            switch (name)
            {
                case "odata.metadata" or "metadata" or "odata":
                    level = value switch
                    {
                        "full" or "fullmetadata" => MetadataLevel.Full,
                        "none" or "nometadata" => MetadataLevel.None,
                        _ => MetadataLevel.Minimal,
                    };
                    break;
                case "ieee754compatible":
                    ieee754 = value == "true";
                    break;
            }
        }

        return new ODataJsonFormat(level, ieee754);
    }
}
