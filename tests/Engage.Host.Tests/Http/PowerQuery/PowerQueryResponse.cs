using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>A response read completely: status, headers (all values, as sent), and the body (gunzipped if need be).</summary>
internal sealed record PowerQueryResponse(
    HttpStatusCode Status, IReadOnlyDictionary<string, string[]> Headers, string? ContentType, string Body, Uri? RequestUri)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>Every value of a header (response or content), case-insensitive name; none: empty.</summary>
    public string[] Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).SelectMany(h => h.Value).ToArray();

    /// <summary>The number of distinct header names that equal <paramref name="name"/> ignoring case (duplicates under other casings).</summary>
    public int HeaderNameCount(string name) => Headers.Keys.Count(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    public static async Task<PowerQueryResponse> ReadAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value.ToArray());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain);
            bytes = plain.ToArray();
        }

        return new PowerQueryResponse(response.StatusCode, headers, response.Content.Headers.ContentType?.ToString(), Encoding.UTF8.GetString(bytes),
            response.RequestMessage?.RequestUri);
    }
}
