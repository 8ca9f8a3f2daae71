using System.Globalization;
using System.Text.Json.Nodes;
using Engage.Tests.Shared.FakeServer;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Bluesky.Tests.FakeServer;

/// <summary>
/// A local fake PDS (which proxies the AppView's <c>app.bsky.*</c> reads, as bsky.social does) on a loopback port,
/// following networks.md §2 and §8: <c>/xrpc/&lt;nsid&gt;</c> routes, XRPC error bodies, sessions whose access tokens can be
/// expired (<c>400 ExpiredToken</c>) so that the client must refresh, opaque cursors (<c>"&lt;ms&gt;__&lt;cid&gt;"</c> for the
/// feed, ISO-looking ones for notifications), <c>RateLimit-*</c> headers with an epoch-seconds reset, 429
/// <c>RateLimitExceeded</c>, and a repository that refuses a second record at the same key. Test knobs (from
/// <see cref="LoopbackFakeServer{TRequest}"/>): throttling, slow answers, malformed bodies; here: dropped answers, account states.
/// </summary>
internal sealed partial class FakePds : LoopbackFakeServer<FakeRequest>
{
    public const string Password = "abcd-efgh-ijkl-mnop";
    public const int RateLimitLimit = 3000;

    private FakePds(FakePdsData data)
        : base(RateLimitLimit, "/xrpc/com.atproto.server.createSession", "/xrpc/app.bsky.actor.getProfile")
    {
        Data = data;
    }

    public FakePdsData Data { get; }

    /// <summary>The most items a page holds, whatever <c>limit</c> asks (servers may answer fewer).</summary>
    public int PageCap { get; set; } = 25;

    protected override string TruncatedBody =>
        "{\"cursor\":\"2024-05-01T07:29:18.903Z\",\"notifications\":[{\"uri\":\"at://did:plc:fan1/app.bsky.feed.like/3k\",\"author\":{\"did\":";

    public int Count(string nsid) => Requests.Count(r => r.Nsid == nsid);

    public static Task<FakePds> StartAsync(FakePdsData? data = null) => StartAsync(new FakePds(data ?? FakePdsData.Seed()));

    protected override FakeRequest Record(HttpContext http, string pathAndQuery) =>
        new(http.Request.Method, pathAndQuery, DateTimeOffset.UtcNow, http.Response.StatusCode, http.Request.Headers.Authorization.FirstOrDefault());

    protected override void WriteRateHeaders(HttpResponse response, int limit, int remaining, DateTimeOffset reset)
    {
        response.Headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Policy"] = $"{limit};w=300";
    }

    protected override Task TooManyRequestsAsync(HttpContext http) =>
        ErrorAsync(http, StatusCodes.Status429TooManyRequests, "RateLimitExceeded", "Rate Limit Exceeded");

    private static Task ErrorAsync(HttpContext http, int status, string error, string message)
    {
        http.Response.StatusCode = status;
        return WriteJsonAsync(http, new JsonObject { ["error"] = error, ["message"] = message });
    }
}
