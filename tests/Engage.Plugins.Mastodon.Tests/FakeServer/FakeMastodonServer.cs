using System.Globalization;
using System.Text.Json.Nodes;
using Engage.Tests.Shared.FakeServer;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Mastodon.Tests.FakeServer;

/// <summary>
/// A local fake Mastodon instance on a loopback port, following networks.md §1 and §8: bearer tokens (401
/// <c>{"error":"The access token is invalid"}</c>), max_id/since_id/min_id/limit paging with Link headers (hidden keys for
/// followers and conversations), X-RateLimit-* on every answer (Reset ISO 8601 with microseconds), 429
/// <c>{"error":"Too many requests"}</c>, Idempotency-Key kept for an hour, ids as strings, unknown notification types.
/// Test knobs (from <see cref="LoopbackFakeServer{TRequest}"/>): throttling, slow answers, malformed bodies; here: failures
/// and dropped answers.
/// </summary>
internal sealed partial class FakeMastodonServer : LoopbackFakeServer<FakeRequest>
{
    public const string Token = "tok_Fk3Jd92LxQ7mWzP0aRvB5nYc";
    public const int RateLimitLimit = 300;

    private readonly Dictionary<string, (JsonObject Status, DateTimeOffset At)> _idempotency = new(StringComparer.Ordinal);

    private FakeMastodonServer(FakeMastodonData data)
        : base(RateLimitLimit, "/api/v1/accounts/verify_credentials")
    {
        Data = data;
    }

    public FakeMastodonData Data { get; }

    protected override string TruncatedBody =>
        "[{\"id\":\"34975861\",\"type\":\"mention\",\"created_at\":\"2024-05-01T07:49:02.064Z\",\"account\":{\"id\":";

    public static Task<FakeMastodonServer> StartAsync(FakeMastodonData? data = null) => StartAsync(new FakeMastodonServer(data ?? FakeMastodonData.Seed()));

    protected override FakeRequest Record(HttpContext http, string pathAndQuery) =>
        new(http.Request.Method, pathAndQuery, DateTimeOffset.UtcNow, http.Response.StatusCode, http.Request.Headers["Idempotency-Key"].FirstOrDefault());

    /// <summary>Every request without the bearer token answers 401, scripted or not.</summary>
    protected override async Task<bool> RejectAsync(HttpContext http)
    {
        if (http.Request.Headers.Authorization.ToString() == "Bearer " + Token)
        {
            return false;
        }

        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await WriteJsonAsync(http, new JsonObject { ["error"] = "The access token is invalid" });
        return true;
    }

    protected override void WriteRateHeaders(HttpResponse response, int limit, int remaining, DateTimeOffset reset)
    {
        response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }

    protected override async Task TooManyRequestsAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await WriteJsonAsync(http, new JsonObject { ["error"] = "Too many requests" });
    }
}
