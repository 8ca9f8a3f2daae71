using System.Text.Json;
using Engage.OData.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Engage.OData.Writes;

/// <summary>
/// Reads a request body as one JSON object: <c>Content-Type: application/json</c> (415 otherwise), at most
/// the configured number of bytes (413), well-formed, shallow and with decodable strings (400).
/// </summary>
internal static class JsonBody
{
    private const int MaxDepth = 16;

    /// <summary>The parsed body, or null when it is empty and <paramref name="allowEmpty"/>.</summary>
    public static async Task<JsonDocument?> ReadAsync(HttpRequest request, long maxBytes, bool allowEmpty, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0)
        {
            return Empty(allowEmpty);
        }

        if (request.ContentType is not null)
        {
            RequireJson(request);
        }

        if (request.ContentLength is { } length && length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return Empty(allowEmpty);
        }

        RequireJson(request);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            throw ODataRequestException.BadRequest("The body is not well-formed JSON.");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ODataRequestException.BadRequest("The body must be a JSON object.");
        }

        if (!HasValidText(document.RootElement))
        {
            document.Dispose();
            throw ODataRequestException.BadRequest("The body holds a string that is not valid text (an escaped lone surrogate such as \\ud800).");
        }

        return document;
    }

    /// <summary>Whether every name and string decodes (JSON allows escapes of lone surrogates, which .NET cannot turn into a string).</summary>
    private static bool HasValidText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    return element.EnumerateObject().All(member => member.Name is not null && HasValidText(member.Value));
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(HasValidText);
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static JsonDocument? Empty(bool allowEmpty) =>
        allowEmpty ? null : throw ODataRequestException.BadRequest("The request needs a JSON object as its body.");

    private static void RequireJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ODataRequestException(
                StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "Send the body as 'Content-Type: application/json' (UTF-8).");
        }
    }

    private static ODataRequestException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The body is larger than {maxBytes} bytes.");
}
