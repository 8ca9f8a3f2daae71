using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Engage.Sdk.Failures;
using Microsoft.Extensions.Logging;

namespace Engage.Plugins.Mastodon.Api;

/// <summary>
/// The instance's REST API for one access token: sends the token as a bearer token (never anywhere else, never to
/// another server), keeps to the instance's rate limit (<see cref="RateLimit.DelayBeforeNext"/>; on 429 waits until the
/// reset when that is close, otherwise hands the wait to the host), and turns every failure into a classified
/// <see cref="PluginException"/> whose message says what to do. The token never appears in a message or log line.
/// </summary>
internal sealed class MastodonApi(HttpClient http, Uri instance, string token, TimeProvider time, ILogger logger)
{
    /// <summary>The longest wait for the rate limit inside one call; longer waits go back to the host's scheduler.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(30);

    private RateLimit? _limit;

    public Uri Instance => instance;

    /// <summary>The rate limit reported with the last answer.</summary>
    public RateLimit? LastRateLimit => _limit;

    public Task<ApiPage> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        GetAsync(new Uri(instance, pathAndQuery), cancellationToken);

    /// <summary>GETs an address on the instance (a paging link from the instance must point back to it).</summary>
    public Task<ApiPage> GetAsync(Uri address, CancellationToken cancellationToken)
    {
        EnsureOwnInstance(address);
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Get, address), cancellationToken);
    }

    /// <summary>POSTs a form with an <c>Idempotency-Key</c>, so that the instance answers a repeat with the original.</summary>
    public Task<ApiPage> PostFormAsync(string path, IReadOnlyList<KeyValuePair<string, string>> form, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance, path)) { Content = new FormUrlEncodedContent(form) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
            return request;
        }, cancellationToken);

    private async Task<ApiPage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WaitForRateLimitAsync(cancellationToken).ConfigureAwait(false);
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var what = $"{request.Method} {request.RequestUri!.AbsolutePath}";
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            _limit = RateLimit.From(response.Headers, time.GetUtcNow()) ?? _limit;
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = _limit?.UntilReset ?? response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMinutes(5);
                if (attempt >= 3 || wait > MaxInlineWait)
                {
                    throw new PluginException(
                        $"The Mastodon instance {instance.Authority} is rate limiting this account ({what}: {ErrorText(body, "Too many requests")}); " +
                        $"it allows more requests in {wait.TotalSeconds:0} s. The connection resumes then from where it stopped.",
                        PluginFailureKind.RateLimited, wait);
                }

                logger.LogInformation("Mastodon {Instance} answered 429 to {Request}; waiting {Seconds:0.0} s for the rate limit to reset",
                    instance.Authority, what, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                _limit = _limit is { } waited ? waited with { ServerNow = waited.ServerNow + wait } : null; // waited for the reset: do not wait again
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response.StatusCode, what, body);
            }

            return new ApiPage(Parse(body, what, response.Content.Headers.ContentType?.MediaType), LinkHeader.Parse(
                response.Headers.TryGetValues("Link", out var links) ? links : []));
        }
    }

    private async Task WaitForRateLimitAsync(CancellationToken cancellationToken)
    {
        if (_limit is not { } limit)
        {
            return;
        }

        var delay = limit.DelayBeforeNext();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        if (delay > MaxInlineWait)
        {
            throw new PluginException(
                $"The Mastodon instance {instance.Authority} allows {limit.Remaining} more of {limit.Limit} requests until {limit.Reset:O}; " +
                $"the connection waits {delay.TotalSeconds:0} s and resumes then from where it stopped.",
                PluginFailureKind.RateLimited, delay);
        }

        logger.LogInformation("Mastodon {Instance}: {Remaining} of {Limit} requests left until {Reset:O}; slowing down by {Seconds:0.0} s",
            instance.Authority, limit.Remaining, limit.Limit, limit.Reset, delay.TotalSeconds);
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        _limit = limit with { ServerNow = limit.ServerNow + delay };
    }

    private void EnsureOwnInstance(Uri address)
    {
        if (!string.Equals(address.Scheme, instance.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(address.Authority, instance.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginException(
                $"The Mastodon instance {instance.Authority} sent a paging link to another server ({address.Scheme}://{address.Authority}); " +
                "the connector does not send the access token there. Check the instance URL in the connection's settings.",
                PluginFailureKind.Permanent);
        }
    }

    private PluginException Failure(HttpStatusCode status, string what, byte[] body)
    {
        var code = (int)status;
        var error = ErrorText(body, status.ToString());
        return status switch
        {
            HttpStatusCode.Unauthorized => new PluginException(
                $"The Mastodon instance {instance.Authority} refused the access token ({error}). Create a new access token with the scopes " +
                $"{Settings.MastodonSettings.Scopes} and enter it in the connection's settings.", PluginFailureKind.CredentialsInvalid),
            HttpStatusCode.Forbidden => new PluginException(
                $"The Mastodon instance {instance.Authority} refused {what} ({error}). The access token needs the scopes " +
                $"{Settings.MastodonSettings.Scopes}; create a new one and enter it in the connection's settings.", PluginFailureKind.CredentialsInvalid),
            HttpStatusCode.NotFound => new MastodonNotFoundException(
                $"The Mastodon instance {instance.Authority} answered {what} with 404 ({error})."),
            _ when code >= 500 || status == HttpStatusCode.RequestTimeout => new PluginException(
                $"The Mastodon instance {instance.Authority} failed on {what} with {code} ({error}); the connection retries later.", PluginFailureKind.Transient),
            _ => new PluginException(
                $"The Mastodon instance {instance.Authority} refused {what} with {code} ({error}).", PluginFailureKind.Permanent),
        };
    }

    private JsonElement Parse(byte[] body, string what, string? mediaType)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new PluginException(
                $"The Mastodon instance {instance.Authority} answered {what} with a body that is not valid JSON ({mediaType ?? "no content type"}, " +
                $"{body.Length} bytes, {e.Message}). Nothing of that answer was stored; the connection retries later. If this persists, check " +
                "that the instance URL points at the Mastodon server itself and not at a login page or proxy.",
                PluginFailureKind.Transient, innerException: e);
        }
    }

    /// <summary>Mastodon's error body: <c>{"error":"…","error_description":"…"}</c>; short and without control characters.</summary>
    private static string ErrorText(byte[] body, string fallback)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var text = document.RootElement.Str("error");
            if (document.RootElement.Str("error_description") is { } description)
            {
                text = text is null ? description : $"{text}: {description}";
            }

            return Clip(text ?? fallback);
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private static string Clip(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length <= 300 ? clean : clean[..300] + "…";
    }
}
