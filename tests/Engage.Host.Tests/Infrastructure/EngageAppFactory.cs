using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Engage.Host.Tests.Infrastructure;

/// <summary>
/// The real host, in process, on a temporary data folder, with the bundled plugins the solution build put
/// in artifacts/plugins and the repository's themes.
/// </summary>
public sealed class EngageAppFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _data = new();

    public EngageAppFactory()
    {
        Settings["Engage:DataPath"] = _data.Path;
        Settings["Engage:PluginsPath"] = RepoPaths.Plugins;
        Settings["Engage:ThemesPath"] = RepoPaths.Themes;
        Settings["Engage:Scheduler:TickSeconds"] = "0.2";

        // The in-process test server gives no client address, so every test of a shared fixture counts as the
        // same address: keep one test's deliberate wrong keys from locking out the next test. The lockout itself
        // is tested with the shipped limits (Security/LockoutHost).
        Settings["Engage:Security:FailedAuth:MaxFailures"] = "1000000";
    }

    public Dictionary<string, string?> Settings { get; } = [];

    public string ContentRoot { get; set; } = RepoPaths.Root;

    public string DataPath => _data.Path;

    /// <summary>Every log line the host wrote, at the levels its configuration enables.</summary>
    internal CapturingLoggerProvider Logs { get; } = new();

    public string AdminKey => File.ReadAllText(Path.Combine(DataPath, "admin-key.txt")).Trim();

    public HttpClient CreateAuthenticatedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>Polls an OData collection until it has rows (the demo's first sync runs in the background).</summary>
    public async Task<JsonElement> WaitForRowsAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, body);
            var json = JsonDocument.Parse(body).RootElement.Clone();
            if (json.GetProperty("value").GetArrayLength() > 0)
            {
                return json;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{url} still had no rows after {timeout.TotalSeconds} s");
            }

            await Task.Delay(200);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(ContentRoot);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }
}
