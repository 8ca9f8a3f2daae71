using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Engage.Host.Operator;
using Engage.Host.Tests.Infrastructure;
using Engage.Host.Tests.Plugins;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>
/// One host (the test factory, every log category at Trace, with <see cref="LeakyPlugin"/> and the bundled plugins) and a
/// recording client; the secrets the scripted session uses, each registered with the <see cref="SecretScanner"/> when made.
/// </summary>
internal sealed class SecretScanSession : IDisposable
{
    private readonly FixturePluginBuilder _plugins = new();
    private readonly TempFolder _backups = new();

    public SecretScanSession()
    {
        _plugins.AddPlugin(LeakyPlugin.Id, LeakyPlugin.Connector, LeakyPlugin.Source);
        Factory.Settings["Engage:PluginsPath"] = _plugins.PluginsPath;
        Factory.Settings["Engage:Demo:Enabled"] = "false";
        Factory.Settings["Engage:Scheduler:Enabled"] = "false"; // every run is started by the session, one at a time
        Factory.Settings["Logging:LogLevel:Default"] = "Trace";
        Factory.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        Factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        Factory.Settings["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace";
        Client = CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.AdminKey);
        Scanner.AddSecret("admin API key", Factory.AdminKey);
    }

    public EngageAppFactory Factory { get; } = new();

    /// <summary>The recorders of every client made with <see cref="CreateClient"/>.</summary>
    public List<RecordingHandler> Recorders { get; } = [];

    public HttpClient Client { get; }

    public SecretScanner Scanner { get; } = new();

    /// <summary>Console output of operator commands, each with the lines allowed to hold a key (the one line 'keys create' prints it on).</summary>
    public List<(string Where, string Text)> Outputs { get; } = [];

    public string BackupRoot => _backups.Path;

    /// <summary>A client of the host (no key) whose exchanges are recorded.</summary>
    public HttpClient CreateClient()
    {
        var recorder = new RecordingHandler();
        Recorders.Add(recorder);
        return Factory.CreateDefaultClient(recorder);
    }

    /// <summary>A new secret value, registered with the scanner under <paramref name="name"/>.</summary>
    public string Secret(string name, string? value = null)
    {
        value ??= "sek-" + name.Replace(' ', '-') + "-" + Guid.NewGuid().ToString("N");
        Scanner.AddSecret(name, value);
        return value;
    }

    public Task<Http.JsonAnswer> PostConnectionAsync(long workspace, string settings, string displayName = "Leaky connection") =>
        Http.JsonRequests.SendJsonAsync(Client, HttpMethod.Post, "/odata/Connections",
            new { WorkspaceId = workspace, Plugin = LeakyPlugin.Id, Connector = LeakyPlugin.Connector, DisplayName = displayName, Settings = settings });

    public static string Settings(string token, string mode, string url = "https://leaky.example") =>
        JsonSerializer.Serialize(new { instanceUrl = url, token, mode });

    public Task<Http.JsonAnswer> SendAsync(HttpMethod method, string url, object? body = null) => Http.JsonRequests.SendJsonAsync(Client, method, url, body);

    /// <summary>Runs an operator verb in process on the factory's data folder, as the command line would; keeps its output.</summary>
    public async Task<string> OperatorAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OperatorCommands.RunAsync(
            [.. args, "--contentRoot", RepoPaths.Root, $"--Engage:DataPath={Factory.DataPath}"], output, error, TimeProvider.System, CancellationToken.None);
        var text = output + "\n" + error;
        code.Should().Be(0, text);
        Outputs.Add(($"console of '{string.Join(' ', args)}'", text));
        return text;
    }

    /// <summary>Hands everything captured to the scanner: log lines, HTTP responses, operator output, the backup's and data folder's files.</summary>
    public void CaptureAll(IEnumerable<string> allowedLines)
    {
        var allowed = allowedLines.ToHashSet(StringComparer.Ordinal);
        var lines = Factory.Logs.Lines.ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            Scanner.AddText($"log line {i + 1}", lines[i]);
        }

        foreach (var (request, response) in Recorders.SelectMany(r => r.Exchanges))
        {
            Scanner.AddText($"response to {request}", response);
        }

        foreach (var (where, text) in Outputs)
        {
            var kept = string.Join("\n", text.Split('\n').Where(l => !allowed.Contains(l.Trim())));
            Scanner.AddText(where, kept);
        }

        foreach (var folder in new[] { BackupRoot, Factory.DataPath })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is not ("admin-key.txt" or "engage.lock")))
            {
                Scanner.AddFile("file " + Path.GetRelativePath(Path.GetDirectoryName(folder)!, file), file);
            }
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        _plugins.Dispose();
        _backups.Dispose();
    }

    /// <summary>The API key on the line 'keys create' printed it on.</summary>
    public static string KeyIn(string output) =>
        output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("engage_", StringComparison.Ordinal) && l.Length > 30);

    /// <summary>A malformed OData body (unterminated) that carries <paramref name="secret"/>.</summary>
    public static StringContent Malformed(long workspace, string secret) => new(
        $"{{\"WorkspaceId\":{workspace},\"Plugin\":\"{LeakyPlugin.Id}\",\"Connector\":\"leaky\",\"DisplayName\":\"x\",\"Settings\":\"{{\\\"token\\\":\\\"{secret}\\\"",
        Encoding.UTF8, "application/json");
}
