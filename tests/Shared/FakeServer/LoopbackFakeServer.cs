using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engage.Tests.Shared.FakeServer;

/// <summary>
/// The hosting part of a network's fake server: Kestrel on a loopback port, every request recorded, scripted answers
/// (throttling, malformed bodies, failures), a slow-network delay and a rate-limit window counted down per request. The
/// derived fake keeps its network's routes, headers and error bodies.
/// </summary>
/// <typeparam name="TRequest">What the fake records of one request.</typeparam>
internal abstract class LoopbackFakeServer<TRequest> : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<TRequest> _requests = [];
    private readonly List<(Func<string, bool> Match, Func<HttpContext, Task> Answer)> _scripted = [];
    private readonly int _rateLimit;
    private readonly string[] _undelayed;
    private int _remaining;
    private DateTimeOffset _windowReset;

    /// <param name="rateLimit">The requests a full window allows.</param>
    /// <param name="undelayed">Paths that answer at once whatever <see cref="ResponseDelay"/> (what connecting asks).</param>
    protected LoopbackFakeServer(int rateLimit, params string[] undelayed)
    {
        (_rateLimit, _remaining, _undelayed) = (rateLimit, rateLimit, undelayed);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(PipelineAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>How long each answer but the undelayed paths takes (the slow network); cancelled when the client goes away.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The remaining requests of the current window, as the headers report them.</summary>
    public int Remaining
    {
        get { lock (Gate) { return _remaining; } }
        set { lock (Gate) { _remaining = value; } }
    }

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<TRequest> Requests
    {
        get { lock (Gate) { return _requests.ToList(); } }
    }

    /// <summary>Guards the recorded requests, the window and the derived fake's data.</summary>
    protected Lock Gate { get; } = new();

    /// <summary>The next <paramref name="count"/> requests whose path and query satisfy <paramref name="match"/> get <paramref name="answer"/>.</summary>
    public void Script(Func<string, bool> match, Func<HttpContext, Task> answer, int count = 1)
    {
        lock (Gate)
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
        await http.Response.WriteAsync(TruncatedBody);
    });

    /// <summary>The next <paramref name="count"/> requests answer 429 with the window resetting in <paramref name="resetIn"/>.</summary>
    public void Throttle(int count, TimeSpan resetIn) => Throttle(_ => true, count, resetIn);

    /// <summary>The next <paramref name="count"/> requests matching <paramref name="match"/> answer 429, the window resetting in <paramref name="resetIn"/>.</summary>
    public void Throttle(Func<string, bool> match, int count, TimeSpan resetIn) => Script(match, async http =>
    {
        SetWindow(0, resetIn);
        SetRateHeaders(http);
        await TooManyRequestsAsync(http);
    }, count);

    /// <summary>Sets the current rate-limit window: what is left and when it resets.</summary>
    public void SetWindow(int remaining, TimeSpan resetIn)
    {
        lock (Gate)
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

    /// <summary>Reads the fake's data under <see cref="Gate"/>.</summary>
    protected T Locked<T>(Func<T> read)
    {
        lock (Gate)
        {
            return read();
        }
    }

    /// <summary>A JSON body cut short, the way a dropped connection leaves it.</summary>
    protected abstract string TruncatedBody { get; }

    /// <summary>Maps the network's endpoints.</summary>
    protected abstract void MapRoutes(WebApplication app);

    /// <summary>What the fake records of <paramref name="http"/> once answered.</summary>
    protected abstract TRequest Record(HttpContext http, string pathAndQuery);

    /// <summary>Writes the network's rate-limit headers for <paramref name="remaining"/> requests left until <paramref name="reset"/>.</summary>
    protected abstract void WriteRateHeaders(HttpResponse response, int limit, int remaining, DateTimeOffset reset);

    /// <summary>Answers the network's 429.</summary>
    protected abstract Task TooManyRequestsAsync(HttpContext http);

    /// <summary>Answers a request the network refuses before anything else (a bad token); false to go on.</summary>
    protected virtual Task<bool> RejectAsync(HttpContext http) => Task.FromResult(false);

    protected static async Task WriteJsonAsync(HttpContext http, JsonNode body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    /// <summary>Maps the routes, starts listening and returns <paramref name="server"/>.</summary>
    protected static async Task<T> StartAsync<T>(T server)
        where T : LoopbackFakeServer<TRequest>
    {
        server.SetWindow(server._rateLimit, TimeSpan.FromMinutes(5));
        server.MapRoutes(server._app);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    private async Task PipelineAsync(HttpContext http, RequestDelegate next)
    {
        var pathAndQuery = http.Request.Path + http.Request.QueryString;
        try
        {
            if (ResponseDelay > TimeSpan.Zero && !_undelayed.Any(path => http.Request.Path.StartsWithSegments(path)))
            {
                await Task.Delay(ResponseDelay, http.RequestAborted);
            }

            Func<HttpContext, Task>? scripted = null;
            lock (Gate)
            {
                var index = _scripted.FindIndex(s => s.Match(pathAndQuery));
                if (index >= 0)
                {
                    scripted = _scripted[index].Answer;
                    _scripted.RemoveAt(index);
                }
            }

            if (await RejectAsync(http))
            {
                return;
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
            lock (Gate)
            {
                _requests.Add(Record(http, pathAndQuery));
            }
        }
    }

    private void CountRequest()
    {
        lock (Gate)
        {
            var now = DateTimeOffset.UtcNow;
            if (now >= _windowReset)
            {
                _windowReset = now.AddMinutes(5);
                _remaining = Math.Max(_remaining, _rateLimit);
            }

            _remaining = Math.Max(0, _remaining - 1);
        }
    }

    private void SetRateHeaders(HttpContext http)
    {
        lock (Gate)
        {
            WriteRateHeaders(http.Response, _rateLimit, _remaining, _windowReset);
        }
    }
}
