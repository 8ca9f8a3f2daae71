using System.Net;
using System.Text;
using System.Text.Json;

namespace Engage.Host.Tests.Http;

/// <summary>Sends OData requests with JSON bodies and reads the answer whole.</summary>
internal static class JsonRequests
{
    public static async Task<JsonAnswer> SendJsonAsync(
        this HttpClient client, HttpMethod method, string url, object? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new JsonAnswer(response.StatusCode, text, all);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var answer = await client.SendJsonAsync(HttpMethod.Get, url);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        return answer.Json;
    }
}

/// <summary>A response read to the end.</summary>
internal sealed record JsonAnswer(HttpStatusCode Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public string? ErrorTarget => Json.GetProperty("error").TryGetProperty("target", out var target) ? target.GetString() : null;

    public IReadOnlyList<string?> DetailTargets => Json.GetProperty("error").TryGetProperty("details", out var details)
        ? [.. details.EnumerateArray().Select(d => d.TryGetProperty("target", out var t) ? t.GetString() : null)]
        : [];
}
