using System.Net;
using System.Text;
using Engage.Host.Hosting;
using Engage.Host.Security;
using Engage.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engage.Host.Tests.Security;

/// <summary>
/// The real host (no demo, no scheduler) whose failed-authentication limiter runs on a hand-moved clock, and requests
/// sent from a chosen client address through the real pipeline.
/// </summary>
internal sealed class LockoutHost : IDisposable
{
    private readonly EngageAppFactory _factory = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host;

    public LockoutHost(params (string Key, string Value)[] settings)
    {
        _factory.Settings["Engage:Demo:Enabled"] = "false";
        _factory.Settings["Engage:Scheduler:Enabled"] = "false";
        _factory.Settings["Engage:Security:FailedAuth:MaxFailures"] = ShippedMaxFailures;
        foreach (var (key, value) in settings)
        {
            _factory.Settings[key] = value;
        }

        _host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(sp =>
            new FailedAuthLimiter(sp.GetRequiredService<IOptions<EngageOptions>>().Value.Security.FailedAuth, Clock))));
        _ = _host.Server;
    }

    /// <summary>The limit in the repository's appsettings.json (EngageAppFactory raises it for the other tests).</summary>
    public static string ShippedMaxFailures { get; } = ReadShippedMaxFailures();

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string AdminKey => _factory.AdminKey;

    public IReadOnlyCollection<string> Logs => _factory.Logs.Lines;

    /// <summary>A well-formed key that is not the admin key.</summary>
    public static string WrongKey(int n) => "engage_" + n.ToString("D43", System.Globalization.CultureInfo.InvariantCulture);

    public Task<Reply> BearerAsync(string address, string? key, string path = "/odata/") =>
        SendAsync(address, path, key is null ? null : "Bearer " + key);

    public Task<Reply> BasicAsync(string address, string password) =>
        SendAsync(address, "/odata/", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("excel:" + password)));

    public async Task<Reply> SendAsync(string address, string pathAndQuery, string? authorization)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var context = await _host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = "GET";
            c.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
            if (authorization is not null)
            {
                c.Request.Headers.Authorization = authorization;
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return new Reply(context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(), await reader.ReadToEndAsync());
    }

    public void Dispose()
    {
        _host.Dispose();
        _factory.Dispose();
    }

    /// <summary>What the client sees.</summary>
    internal sealed record Reply(int Status, string RetryAfter, string Body);

    private static string ReadShippedMaxFailures()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.json")));
        return settings.RootElement.GetProperty("Engage").GetProperty("Security").GetProperty("FailedAuth").GetProperty("MaxFailures")
            .GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
