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

namespace Engage.Plugins.Mastodon.Tests.FakeServer;

/// <summary>
/// A local fake Mastodon instance on a loopback port, following networks.md §1 and §8: bearer tokens (401
/// <c>{"error":"The access token is invalid"}</c>), max_id/since_id/min_id/limit paging with Link headers (hidden keys for
/// followers and conversations), X-RateLimit-* on every answer (Reset ISO 8601 with microseconds), 429
/// <c>{"error":"Too many requests"}</c>, Idempotency-Key kept for an hour, ids as strings, unknown notification types.
/// Test knobs: throttling, slow answers, malformed bodies, failures and dropped answers.
/// </summary>
internal sealed partial class FakeMastodonServer : IAsyncDisposable
{
    public const string Token = "tok_Fk3Jd92LxQ7mWzP0aRvB5nYc";
    public const int RateLimitLimit = 300;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly Dictionary<string, (JsonObject Status, DateTimeOffset At)> _idempotency = new(StringComparer.Ordinal);
    private readonly List<(Func<string, bool> Match, Func<HttpContext, Task> Answer)> _scripted = [];
    private int _remaining = RateLimitLimit;
    private DateTimeOffset _windowReset;

    private FakeMastodonServer(FakeMastodonData data)
    {
        Data = data;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(PipelineAsync);
        MapRoutes(_app);
    }

    public FakeMastodonData Data { get; }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>How long each API answer but verify_credentials takes (the slow network); cancelled when the client goes away.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The remaining requests of the current window, as the headers report them.</summary>
    public int Remaining
    {
        get { lock (_gate) { return _remaining; } }
        set { lock (_gate) { _remaining = value; } }
    }

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get { lock (_gate) { return _requests.ToList(); } }
    }

    public static async Task<FakeMastodonServer> StartAsync(FakeMastodonData? data = null)
    {
        var server = new FakeMastodonServer(data ?? FakeMastodonData.Seed()) { _windowReset = DateTimeOffset.UtcNow.AddMinutes(5) };
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
        await http.Response.WriteAsync("[{\"id\":\"34975861\",\"type\":\"mention\",\"created_at\":\"2024-05-01T07:49:02.064Z\",\"account\":{\"id\":");
    });

    /// <summary>The next <paramref name="count"/> requests answer 429 with the window resetting in <paramref name="resetIn"/>.</summary>
    public void Throttle(int count, TimeSpan resetIn) => Throttle(_ => true, count, resetIn);

    /// <summary>The next <paramref name="count"/> requests matching <paramref name="match"/> answer 429, the window resetting in <paramref name="resetIn"/>.</summary>
    public void Throttle(Func<string, bool> match, int count, TimeSpan resetIn) => Script(match, async http =>
    {
        lock (_gate)
        {
            _remaining = 0;
            _windowReset = DateTimeOffset.UtcNow + resetIn;
        }

        SetRateHeaders(http);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await WriteJsonAsync(http, new JsonObject { ["error"] = "Too many requests" });
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
            if (ResponseDelay > TimeSpan.Zero && !http.Request.Path.StartsWithSegments("/api/v1/accounts/verify_credentials"))
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

            if (http.Request.Headers.Authorization.ToString() != "Bearer " + Token)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await WriteJsonAsync(http, new JsonObject { ["error"] = "The access token is invalid" });
            }
            else if (scripted is not null)
            {
                await scripted(http);
            }
            else
            {
                CountRequest();
                SetRateHeaders(http);
                await next(http);
            }
        }
        finally
        {
            lock (_gate)
            {
                _requests.Add(new FakeRequest(http.Request.Method, pathAndQuery, DateTimeOffset.UtcNow, http.Response.StatusCode,
                    http.Request.Headers["Idempotency-Key"].FirstOrDefault()));
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
            http.Response.Headers["X-RateLimit-Limit"] = RateLimitLimit.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Remaining"] = _remaining.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Reset"] = _windowReset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        }
    }

    private static async Task WriteJsonAsync(HttpContext http, JsonNode body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}
