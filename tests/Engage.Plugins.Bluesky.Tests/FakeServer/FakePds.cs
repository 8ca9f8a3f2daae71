using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engage.Plugins.Bluesky.Tests.FakeServer;

/// <summary>
/// A local fake PDS (which proxies the AppView's <c>app.bsky.*</c> reads, as bsky.social does) on a loopback port,
/// following networks.md §2 and §8: <c>/xrpc/&lt;nsid&gt;</c> routes, XRPC error bodies, sessions whose access tokens can be
/// expired (<c>400 ExpiredToken</c>) so that the client must refresh, opaque cursors (<c>"&lt;ms&gt;__&lt;cid&gt;"</c> for the
/// feed, ISO-looking ones for notifications), <c>RateLimit-*</c> headers with an epoch-seconds reset, 429
/// <c>RateLimitExceeded</c>, and a repository that refuses a second record at the same key. Test knobs: throttling,
/// slow answers, malformed bodies, dropped answers, account states.
/// </summary>
internal sealed partial class FakePds : IAsyncDisposable
{
    public const string Password = "abcd-efgh-ijkl-mnop";
    public const int RateLimitLimit = 3000;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly List<(Func<string, bool> Match, Func<HttpContext, Task> Answer)> _scripted = [];
    private int _remaining = RateLimitLimit;
    private DateTimeOffset _windowReset;

    private FakePds(FakePdsData data)
    {
        Data = data;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(PipelineAsync);
        MapRoutes(_app);
    }

    public FakePdsData Data { get; }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>How long each answer but createSession and getProfile (what connecting asks) takes (the slow network); cancelled when the client goes away.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The most items a page holds, whatever <c>limit</c> asks (servers may answer fewer).</summary>
    public int PageCap { get; set; } = 25;

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get { lock (_gate) { return _requests.ToList(); } }
    }

    public int Count(string nsid) => Requests.Count(r => r.Nsid == nsid);

    public static async Task<FakePds> StartAsync(FakePdsData? data = null)
    {
        var server = new FakePds(data ?? FakePdsData.Seed()) { _windowReset = DateTimeOffset.UtcNow.AddMinutes(5) };
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests whose path and query satisfy <paramref name="match"/> get <paramref name="answer"/>.</summary>
    public void Script(Func<string, bool> match, Func<HttpContext, Task> answer, int count = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _scripted.Add((match, answer));
            }
        }
    }

    /// <summary>The next matching request answers 200 with a truncated JSON body.</summary>
    public void Malform(Func<string, bool> match) => Script(match, async http =>
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync("{\"cursor\":\"2024-05-01T07:29:18.903Z\",\"notifications\":[{\"uri\":\"at://did:plc:fan1/app.bsky.feed.like/3k\",\"author\":{\"did\":");
    });

    /// <summary>The next <paramref name="count"/> requests answer 429 with the window resetting in <paramref name="resetIn"/>.</summary>
    public void Throttle(int count, TimeSpan resetIn) => Script(_ => true, async http =>
    {
        SetWindow(0, resetIn);
        SetRateHeaders(http);
        await ErrorAsync(http, StatusCodes.Status429TooManyRequests, "RateLimitExceeded", "Rate Limit Exceeded");
    }, count);

    /// <summary>Sets the current rate-limit window: what is left and when it resets.</summary>
    public void SetWindow(int remaining, TimeSpan resetIn)
    {
        lock (_gate)
        {
            _remaining = remaining;
            _windowReset = DateTimeOffset.UtcNow + resetIn;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task PipelineAsync(HttpContext http, RequestDelegate next)
    {
        var pathAndQuery = http.Request.Path + http.Request.QueryString;
        try
        {
            if (ResponseDelay > TimeSpan.Zero && !http.Request.Path.StartsWithSegments("/xrpc/com.atproto.server.createSession")
                && !http.Request.Path.StartsWithSegments("/xrpc/app.bsky.actor.getProfile"))
            {
                await Task.Delay(ResponseDelay, http.RequestAborted);
            }

            Func<HttpContext, Task>? scripted = null;
            lock (_gate)
            {
                var index = _scripted.FindIndex(s => s.Match(pathAndQuery));
                if (index >= 0)
                {
                    scripted = _scripted[index].Answer;
                    _scripted.RemoveAt(index);
                }
            }

            if (scripted is not null)
            {
                await scripted(http);
                return;
            }

            CountRequest();
            SetRateHeaders(http);
            await next(http);
        }
        finally
        {
            lock (_gate)
            {
                _requests.Add(new FakeRequest(http.Request.Method, pathAndQuery, DateTimeOffset.UtcNow, http.Response.StatusCode,
                    http.Request.Headers.Authorization.FirstOrDefault()));
            }
        }
    }

    private void CountRequest()
    {
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            if (now >= _windowReset)
            {
                _windowReset = now.AddMinutes(5);
                _remaining = Math.Max(_remaining, RateLimitLimit);
            }

            _remaining = Math.Max(0, _remaining - 1);
        }
    }

    private void SetRateHeaders(HttpContext http)
    {
        lock (_gate)
        {
            http.Response.Headers["RateLimit-Limit"] = RateLimitLimit.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["RateLimit-Remaining"] = _remaining.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["RateLimit-Reset"] = _windowReset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["RateLimit-Policy"] = $"{RateLimitLimit};w=300";
        }
    }

    private static Task ErrorAsync(HttpContext http, int status, string error, string message)
    {
        http.Response.StatusCode = status;
        return WriteJsonAsync(http, new JsonObject { ["error"] = error, ["message"] = message });
    }

    private static async Task WriteJsonAsync(HttpContext http, JsonNode body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}
