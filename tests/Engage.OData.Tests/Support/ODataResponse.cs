using System.Net;
using System.Text.Json;

namespace Engage.OData.Tests.Support;

/// <summary>A response read to the end: status, headers, text and (for JSON) the parsed root.</summary>
internal sealed class ODataResponse(HttpResponseMessage message, string body, string? rawContentType)
{
    public HttpStatusCode Status => message.StatusCode;

    public HttpResponseMessage Message => message;

    public string Body => body;

    /// <summary>The Content-Type exactly as sent.</summary>
    public string? ContentType => rawContentType;

    public JsonElement Json => JsonDocument.Parse(body).RootElement;

    public IReadOnlyList<JsonElement> Rows => Json.TryGetProperty("value", out var value)
        ? [.. value.EnumerateArray()]
        : throw new InvalidOperationException($"No 'value' in a {(int)Status} response: {body}");

    public string? NextLink => Json.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;

    /// <summary>All values of a header, counting every casing and every occurrence.</summary>
    public IReadOnlyList<string> Header(string name) =>
        [.. message.Headers.NonValidated.Concat(message.Content.Headers.NonValidated)
            .Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value)];

    public string ErrorCode => Json.GetProperty("error").GetProperty("code").GetString()!;

    public string ErrorMessage => Json.GetProperty("error").GetProperty("message").GetString()!;
}
