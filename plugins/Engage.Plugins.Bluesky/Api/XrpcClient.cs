using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Engage.Sdk.Failures;
using Microsoft.Extensions.Logging;

namespace Engage.Plugins.Bluesky.Api;

/// <summary>
/// XRPC over HTTP to one service (<c>{service}/xrpc/{nsid}</c>): queries are GETs, procedures POSTs of JSON. Keeps to the
/// service's rate limit (<see cref="RateLimit.DelayBeforeNext"/>; on 429 waits for the reset when it is close, otherwise
/// hands the wait to the host) and turns error answers into <see cref="XrpcException"/>s whose message says what to do.
/// The bearer token is sent only in the Authorization header of requests to this service and never appears in a message.
/// </summary>
internal sealed class XrpcClient(HttpClient http, Uri service, TimeProvider time, ILogger logger)
{
    /// <summary>The longest wait for the rate limit inside one call; longer waits go back to the host's scheduler.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(30);

    private RateLimit? _limit;

    public Uri Service => service;

    /// <summary>GET <c>/xrpc/{nsid}?…</c>; parameters with a null value are left out, repeated names are allowed.</summary>
    public Task<JsonElement> QueryAsync(string nsid, IEnumerable<KeyValuePair<string, string?>> parameters, string? bearer, CancellationToken cancellationToken)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!)));
        var address = new Uri(service, "/xrpc/" + nsid + (query.Length > 0 ? "?" + query : ""));
        return SendAsync(nsid, () => new HttpRequestMessage(HttpMethod.Get, address), bearer, cancellationToken);
    }

    /// <summary>POST <c>/xrpc/{nsid}</c> with a JSON body (none when <paramref name="body"/> is null, as refreshSession wants).</summary>
    public Task<JsonElement> ProcedureAsync(string nsid, byte[]? body, string? bearer, CancellationToken cancellationToken) =>
        SendAsync(nsid, () => new HttpRequestMessage(HttpMethod.Post, new Uri(service, "/xrpc/" + nsid))
        {
            Content = body is null ? null : new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        }, bearer, cancellationToken);

    private async Task<JsonElement> SendAsync(string nsid, Func<HttpRequestMessage> create, string? bearer, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WaitForRateLimitAsync(cancellationToken).ConfigureAwait(false);
            using var request = create();
            if (bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            _limit = RateLimit.From(response.Headers, time.GetUtcNow()) ?? _limit;
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = _limit is { Remaining: 0 } l ? l.UntilReset : response.Headers.RetryAfter?.Delta ?? _limit?.UntilReset ?? TimeSpan.FromMinutes(5);
                wait = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait; // a reset already past: still give the window a moment
                if (attempt >= 3 || wait > MaxInlineWait)
                {
                    throw new PluginException(
                        $"Bluesky ({service.Authority}) is rate limiting this account ({nsid}: {XrpcErrors.Text(body, "RateLimitExceeded")}" +
                        $"{(_limit?.Policy is { } policy ? $", policy {policy}" : "")}); it allows more requests in {wait.TotalSeconds:0} s. " +
                        "The connection resumes then from where it stopped.",
                        PluginFailureKind.RateLimited, wait);
                }

                logger.LogInformation("Bluesky {Service} answered 429 to {Nsid}; waiting {Seconds:0.0} s for the rate limit to reset",
                    service.Authority, nsid, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                _limit = _limit is { } waited ? waited with { ServerNow = waited.ServerNow + wait } : null; // waited for the reset: do not wait again
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw XrpcErrors.Failure(service, nsid, response.StatusCode, body);
            }

            return Parse(nsid, body, response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task WaitForRateLimitAsync(CancellationToken cancellationToken)
    {
        if (_limit is not { } limit || limit.DelayBeforeNext() is var delay && delay <= TimeSpan.Zero)
        {
            return;
        }

        if (delay > MaxInlineWait)
        {
            throw new PluginException(
                $"Bluesky ({service.Authority}) allows {limit.Remaining} more of {limit.Limit} requests until {limit.Reset:O}; " +
                $"the connection waits {delay.TotalSeconds:0} s and resumes then from where it stopped.",
                PluginFailureKind.RateLimited, delay);
        }

        logger.LogInformation("Bluesky {Service}: {Remaining} of {Limit} requests left until {Reset:O}; slowing down by {Seconds:0.0} s",
            service.Authority, limit.Remaining, limit.Limit, limit.Reset, delay.TotalSeconds);
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        _limit = limit with { ServerNow = limit.ServerNow + delay };
    }

    private JsonElement Parse(string nsid, byte[] body, string? mediaType)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new FormatException($"the answer is a JSON {document.RootElement.ValueKind}, not an object");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new PluginException(
                $"Bluesky ({service.Authority}) answered {nsid} with a body that is not valid XRPC JSON ({mediaType ?? "no content type"}, " +
                $"{body.Length} bytes, {e.Message}). Nothing of that page was stored; the connection retries later. If this persists, check " +
                "that the service URL points at a PDS (such as https://bsky.social) and not at a web page or proxy.",
                PluginFailureKind.Transient, innerException: e);
        }
    }

    /// <summary>A JSON body for a procedure.</summary>
    public static byte[] Body(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>For messages: a body's first characters without control characters.</summary>
    public static string Clip(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length <= 300 ? clean : clean[..300] + "…";
    }

}
