using System.Net;
using System.Text.Json;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>
/// Issue 4's "secrets never appear in any API response, log line or error": a scripted session drives every path a secret can
/// travel (connections created valid and invalid, read in every query shape, new credentials, syncs whose plugin logs and
/// throws its secret, API keys created and listed, a backup), then every log line (Trace), every response (status, headers,
/// body), every console output and every file of the backup and data folder is scanned for each secret in each form.
/// </summary>
public sealed class SecretScanTests
{
    [Fact]
    public void Scanner_SecretInAnyForm_IsFoundAndNamed()
    {
        var scanner = new SecretScanner();
        const string secret = "sek-scanner-selftest-0123456789";
        scanner.AddSecret("token", secret);
        scanner.AddText("plain", "x " + secret);
        scanner.AddText("base64", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:" + secret)));
        scanner.AddText("url", Uri.EscapeDataString("a b/" + secret + "?"));
        scanner.AddText("json", JsonSerializer.Serialize(new { v = secret + "\"" }));
        scanner.AddText("clean", "sek-scanner-selftest-*** and the prefix sek-scanner");

        var leaks = scanner.Leaks();

        leaks.Should().Contain(l => l.Contains(" in plain:")).And.Contain(l => l.Contains(" in base64:")).And.Contain(l => l.Contains(" in url:"))
            .And.Contain(l => l.Contains(" in json:")).And.NotContain(l => l.Contains(" in clean:"));
    }

    [Fact]
    public async Task Session_EveryPathASecretTravels_NoSecretInAnyLogLineResponseOutputOrBackup()
    {
        using var session = new SecretScanSession();
        var workspace = (await session.SendAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Secrets " + Guid.NewGuid().ToString("N")[..8] }))
            .Json.GetProperty("Id").GetInt64();

        // Connections created with a secret, one per misbehaviour of the plugin.
        var ids = new Dictionary<string, long>();
        string? refreshToken = null;
        foreach (var mode in new[] { "ok", "refuse", "crash", "http", "refresh" })
        {
            var token = session.Secret("token of mode " + mode);
            refreshToken = mode == "refresh" ? token : refreshToken;
            var connection = await session.PostConnectionAsync(workspace, SecretScanSession.Settings(token, mode));
            connection.Status.Should().Be(HttpStatusCode.Created, connection.Body);
            ids[mode] = connection.Json.GetProperty("Id").GetInt64();
        }

        session.Scanner.AddSecret("refreshed token", LeakyPlugin.Refreshed(refreshToken!));

        // Refused creates: a bad setting, a crashing settings check, malformed settings and bodies, too-long values.
        (await session.PostConnectionAsync(workspace, SecretScanSession.Settings(session.Secret("token with bad url"), "ok", "http://plain.example")))
            .Status.Should().Be(HttpStatusCode.BadRequest);
        (await session.PostConnectionAsync(workspace, SecretScanSession.Settings(session.Secret("token of crashing check"), "crash-check")))
            .Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await session.PostConnectionAsync(workspace, SecretScanSession.Settings(session.Secret("token of crashing network check"), "crash-network-check")))
            .Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await session.PostConnectionAsync(workspace, SecretScanSession.Settings(session.Secret("token refused by the network check"), "refuse-network-check")))
            .Status.Should().Be(HttpStatusCode.BadRequest);
        (await session.PostConnectionAsync(workspace, "{\"instanceUrl\":\"https://x.example\",\"token\":\"" + session.Secret("token in broken settings") + "\""))
            .Status.Should().Be(HttpStatusCode.BadRequest);
        (await session.PostConnectionAsync(workspace, "{\"token\":\"" + session.Secret("token in settings with a bad escape") + "\\q\"}"))
            .Status.Should().Be(HttpStatusCode.BadRequest);
        using (var malformed = await session.Client.PostAsync("/odata/Connections", SecretScanSession.Malformed(workspace, session.Secret("token in malformed body"))))
        {
            malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        (await session.PostConnectionAsync(workspace, SecretScanSession.Settings(session.Secret("token with too-long name"), "ok"), new string('n', 300)))
            .Status.Should().Be(HttpStatusCode.BadRequest);
        var huge = session.Secret("huge token") + new string('x', 200_000);
        ((int)(await session.PostConnectionAsync(workspace, SecretScanSession.Settings(huge, "ok", "http://plain.example"))).Status).Should().BeInRange(400, 499);

        // New credentials: replaced, kept with the marker, refused with a bad setting.
        var patched = session.Secret("patched token");
        (await session.SendAsync(HttpMethod.Patch, $"/odata/Connections({ids["ok"]})", new { Settings = SecretScanSession.Settings(patched, "ok") }))
            .Status.Should().Be(HttpStatusCode.NoContent);
        (await session.SendAsync(HttpMethod.Patch, $"/odata/Connections({ids["ok"]})", new { Settings = "{\"instanceUrl\":\"https://leaky.example\",\"token\":\"(set)\"}" }))
            .Status.Should().Be(HttpStatusCode.NoContent);
        (await session.SendAsync(HttpMethod.Patch, $"/odata/Connections({ids["ok"]})", new { Settings = SecretScanSession.Settings(session.Secret("patch refused"), "ok", "ftp://x") }))
            .Status.Should().Be(HttpStatusCode.BadRequest);

        // Runs: the plugin logs its token, throws it, sends it over HTTP, refreshes it.
        foreach (var (mode, id) in ids)
        {
            var run = await session.SendAsync(HttpMethod.Post, $"/api/connections/{id}/sync");
            run.Status.Should().Be(HttpStatusCode.OK, run.Body);
            run.Json.GetProperty("status").GetString().Should().Be(mode == "ok" ? "Succeeded" : "Failed", $"{mode}: {run.Body}");
        }

        var errors = (await session.SendAsync(HttpMethod.Get, $"/odata/SyncRuns?$filter=Error ne null&$select=ConnectionId,Error")).Json.GetProperty("value");
        errors.EnumerateArray().Select(r => r.GetProperty("Error").GetString()).Should().HaveCount(4).And.Contain(e => e!.Contains("***"), "the redactor left its mark");

        await ReadEverywayAsync(session, ids["refuse"]);

        // API keys: created and listed on the command line, used over HTTP (header and query), the audit trail read.
        var created = await session.OperatorAsync("keys", "create", "--name", "scan", "--role", "Analyst", "--workspaces", workspace.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var key = SecretScanSession.KeyIn(created);
        session.Scanner.AddSecret("created API key", key);
        await session.OperatorAsync("keys", "list");
        using (var analyst = session.CreateClient())
        {
            (await analyst.GetAsync($"/odata/Posts?$top=1&api_key={Uri.EscapeDataString(key)}")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await analyst.GetAsync($"/odata/Posts?$filter=Nope eq 1&api_key={Uri.EscapeDataString(key)}")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await analyst.GetAsync($"/odata/Posts?api_key={Uri.EscapeDataString(key)}x")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        // A key created over OData: its one create response is the only place it may appear (that client is not recorded);
        // then listed, read by key, used and revoked through recorded clients.
        string odataKey;
        long odataKeyId;
        using (var unrecorded = session.Factory.CreateAuthenticatedClient())
        {
            var made = await Http.JsonRequests.SendJsonAsync(unrecorded, HttpMethod.Post, "/odata/ApiKeys",
                new { Name = "scan over OData", Role = "Analyst", Workspaces = workspace.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            made.Status.Should().Be(HttpStatusCode.Created, made.Body);
            odataKey = made.Json.GetProperty("Secret").GetString()!;
            odataKeyId = made.Json.GetProperty("Id").GetInt64();
        }

        session.Scanner.AddSecret("API key created over OData", odataKey);
        (await session.SendAsync(HttpMethod.Get, "/odata/ApiKeys")).Status.Should().Be(HttpStatusCode.OK);
        (await session.SendAsync(HttpMethod.Get, $"/odata/ApiKeys({odataKeyId})?$select=Secret,Prefix,Name")).Status.Should().Be(HttpStatusCode.OK);
        using (var odataAnalyst = session.CreateClient())
        {
            odataAnalyst.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", odataKey);
            (await odataAnalyst.GetAsync("/odata/Posts?$top=1")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await odataAnalyst.GetAsync("/odata/ApiKeys")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        (await session.SendAsync(HttpMethod.Post, $"/odata/ApiKeys({odataKeyId})/Engage.Revoke")).Status.Should().Be(HttpStatusCode.OK);
        (await session.SendAsync(HttpMethod.Get, "/odata/AuditEvents")).Status.Should().Be(HttpStatusCode.OK);
        (await session.SendAsync(HttpMethod.Get, "/odata/Plugins")).Status.Should().Be(HttpStatusCode.OK);
        await session.OperatorAsync("backup", "--to", session.BackupRoot);

        session.CaptureAll(allowedLines: [key]);

        session.Factory.Logs.Lines.Should().Contain(l => l.Contains("Request starting"), "ASP.NET Core's Trace/Information lines were captured");
        session.Factory.Logs.Lines.Should().Contain(l => l.Contains("Engage.Plugins." + LeakyPlugin.Id) && l.Contains("connecting with token ***"),
            "the plugin's own log lines were captured, masked");
        session.Recorders.Sum(r => r.Exchanges.Count).Should().BeGreaterThan(40);
        session.Scanner.Leaks().Should().BeEmpty("no secret may appear in a log line, response, console output or backup ({0} places scanned)", session.Scanner.Captured);
    }

    /// <summary>Connections (and the sets around them) read in every query shape.</summary>
    private static async Task ReadEverywayAsync(SecretScanSession session, long id)
    {
        string[] columns = ["Id", "WorkspaceId", "Plugin", "Connector", "Network", "DisplayName", "Status", "LastSyncAt", "NextSyncAt", "LastError", "IntervalSeconds", "Settings"];
        var urls = new List<string>
        {
            "/odata/Connections", $"/odata/Connections({id})", "/odata/Connections/$count", "/odata/Connections?$select=Settings,LastError",
            "/odata/Connections?$orderby=Settings desc,LastError", "/odata/Connections?$filter=contains(Settings,'(set)')",
            "/odata/Connections?$filter=contains(Settings,'sek-') or contains(LastError,'sek-')", "/odata/Connections?$search=sek",
            "/odata/Connections?$apply=groupby((Settings,LastError,Status),aggregate($count as Connections))",
            "/odata/Connections?$apply=filter(LastError ne null)/groupby((LastError))", "/odata/Connections?$expand=SyncRuns,Accounts,Workspace",
            "/odata/SyncRuns?$expand=Connection", "/odata/Accounts?$expand=Connection($select=Settings,LastError)", "/odata/Workspaces?$expand=Connections",
            $"/odata/Connections({id})/SyncRuns", $"/odata/SyncRuns?$filter=ConnectionId eq {id}", "/odata/Connections?$select=Secrets",
            "/odata/Connections?$filter=Secrets ne null", "/odata/Connections?$top=1&$skip=1&$count=true",
        };
        urls.AddRange(columns.Select(c => $"/odata/Connections?$filter={c} ne null&$select={c}"));
        foreach (var url in urls)
        {
            var answer = await session.SendAsync(HttpMethod.Get, url);
            ((int)answer.Status).Should().BeLessThan(500, $"{url}: {answer.Body}");
        }
    }
}
