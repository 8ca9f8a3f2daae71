using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Tests.Http;

/// <summary>
/// <c>POST /odata/Connections</c>: a connection of a loaded plugin's connector, with its settings checked by the host and by
/// the connector, secrets encrypted and write-only, due at once; then it syncs.
/// </summary>
public sealed class ConnectionCreateTests(ConnectionHostFixture host) : IClassFixture<ConnectionHostFixture>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task Post_DemoConnector_IsCreatedActiveAndDue_ThenTheSchedulerSyncsIt()
    {
        var workspace = await DemoWorkspaceAsync();
        var settings = JsonSerializer.Serialize(new { seed = "7", historyDays = "2", activity = "low" });

        var created = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Connections",
            new { WorkspaceId = workspace, Plugin = "engage.demo", Connector = "demo", DisplayName = "Second demo", Settings = settings });

        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        var connection = created.Json;
        var id = connection.GetProperty("Id").GetInt64();
        created.Header("Location").Should().EndWith($"/odata/Connections({id})");
        connection.GetProperty("Network").GetString().Should().Be("demo", "the network comes from the connector's info");
        connection.GetProperty("Status").GetString().Should().Be("Active");
        connection.GetProperty("NextSyncAt").ValueKind.Should().Be(JsonValueKind.Null, "a new connection is due at once");
        connection.GetProperty("IntervalSeconds").GetInt32().Should().Be(60, "the demo connector's default pull interval");
        connection.GetProperty("Settings").GetString().Should().Be("{\"seed\":\"7\",\"historyDays\":\"2\",\"activity\":\"low\"}");

        var run = await WaitForSucceededRunAsync(id);
        run.GetProperty("ItemsNew").GetInt64().Should().BePositive();
        long.Parse(await Client.GetStringAsync($"/odata/Accounts/$count?$filter=ConnectionId eq {id}"), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BePositive();
    }

    [Fact]
    public async Task Post_UnknownPluginOrConnector_Answers400NamingTheProperty()
    {
        var workspace = await DemoWorkspaceAsync();
        var before = await ConnectionCountAsync();

        var plugin = await PostAsync(workspace, "no.such.plugin", "demo", "{}");
        var connector = await PostAsync(workspace, "engage.demo", "nope", "{}");
        var noWorkspace = await PostAsync(999_999, "engage.demo", "demo", "{}");

        plugin.Status.Should().Be(HttpStatusCode.BadRequest);
        plugin.ErrorTarget.Should().Be("Plugin");
        plugin.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("no.such.plugin").And.Contain("engage.demo");
        connector.Status.Should().Be(HttpStatusCode.BadRequest);
        connector.ErrorTarget.Should().Be("Connector");
        connector.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("'demo'");
        noWorkspace.ErrorTarget.Should().Be("WorkspaceId");
        (await ConnectionCountAsync()).Should().Be(before, "nothing was created");
    }

    [Fact]
    public async Task Post_MissingRequiredUnknownOrRefusedSettings_Answers400PerSetting()
    {
        var workspace = await DemoWorkspaceAsync();
        var before = await ConnectionCountAsync();

        var missing = await PostAsync(workspace, ConnectionHostFixture.VaultPlugin, "vault", "{\"label\":\"x\"}");
        var unknown = await PostAsync(workspace, "engage.demo", "demo", "{\"colour\":\"red\"}");
        var refusedByDemo = await PostAsync(workspace, "engage.demo", "demo", "{\"historyDays\":\"9999\"}");
        var refusedByVault = await PostAsync(workspace, ConnectionHostFixture.VaultPlugin, "vault", "{\"instanceUrl\":\"http://plain.example\",\"accessToken\":\"t\"}");
        var notJson = await PostAsync(workspace, "engage.demo", "demo", "seed=7");
        var markerOnly = await PostAsync(workspace, ConnectionHostFixture.VaultPlugin, "vault", "{\"instanceUrl\":\"https://v.example\",\"accessToken\":\"(set)\"}");

        missing.Status.Should().Be(HttpStatusCode.BadRequest);
        missing.DetailTargets.Should().BeEquivalentTo("Settings/instanceUrl", "Settings/accessToken");
        unknown.ErrorTarget.Should().Be("Settings/colour");
        unknown.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("'seed', 'historyDays', 'activity'");
        refusedByDemo.ErrorTarget.Should().Be("Settings/historyDays");
        refusedByDemo.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("from 1 to 365");
        refusedByVault.ErrorTarget.Should().Be("Settings/instanceUrl");
        refusedByVault.Json.GetProperty("error").GetProperty("message").GetString().Should().Be("Instance URL must start with https://.");
        notJson.ErrorTarget.Should().Be("Settings");
        markerOnly.ErrorTarget.Should().Be("Settings/accessToken");
        (await ConnectionCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Post_HostileSettingsTexts_Answer4xxAndCreateNothing()
    {
        var workspace = await DemoWorkspaceAsync();
        var before = await ConnectionCountAsync();
        string[] texts =
        [
            "null", "[]", "\"seed\"", new string('[', 5000), "{\"seed\":" + new string('9', 100_000) + "}", "{\"seed\":\"x'); DROP TABLE Connections; --\"}",
            "{\"" + new string('k', 6000) + "\":\"v\"}", "{\"seed\":{\"deep\":\"x\"}}", "{\"seed\":\"1\",\"seed\":\"2\"}", "{\"seed\":\"\\ud800\"}",
            "{\"historyDays\":\"-1\",\"activity\":\"frantic\",\"seed\":\"x\"}",
        ];

        foreach (var text in texts)
        {
            var answer = await PostAsync(workspace, "engage.demo", "demo", text);

            ((int)answer.Status).Should().BeInRange(400, 499, $"{text[..Math.Min(60, text.Length)]}: {answer.Body[..Math.Min(300, answer.Body.Length)]}");
            answer.Json.GetProperty("error").GetProperty("message").GetString().Should().NotContain("Exception");
        }

        var loneSurrogateName = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Connections",
            "{\"WorkspaceId\":" + workspace + ",\"Plugin\":\"engage.demo\",\"Connector\":\"demo\",\"DisplayName\":\"\\ud800\"}");
        ((int)loneSurrogateName.Status).Should().BeInRange(400, 499, loneSurrogateName.Body);
        var nullSettings = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Connections",
            "{\"WorkspaceId\":" + workspace + ",\"Plugin\":\"engage.demo\",\"Connector\":\"demo\",\"DisplayName\":\"x\",\"Settings\":null}");
        nullSettings.ErrorTarget.Should().Be("Settings");
        (await ConnectionCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Patch_PluginNoLongerInstalled_SettingsAreRefusedButRenameWorks()
    {
        var workspace = await DemoWorkspaceAsync();
        long id;
        await using (var sqlite = new SqliteConnection($"Data Source={Path.Combine(host.Factory.DataPath, "engage.db")}"))
        {
            await sqlite.OpenAsync();
            await using var insert = sqlite.CreateCommand();
            insert.CommandText =
                """
                INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, Status, Settings, CreatedAt)
                VALUES (@w, 'gone.plugin', 'gone', 'gone', 'Orphan', 'Disabled', '{"a":"1"}', '2026-01-01T00:00:00.0000000Z') RETURNING Id;
                """;
            insert.Parameters.AddWithValue("@w", workspace);
            id = (long)(await insert.ExecuteScalarAsync())!;
        }

        var settings = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})", new { Settings = "{\"a\":\"2\"}" });
        var renamed = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})", new { DisplayName = "Orphan (old plugin)" }, ("Prefer", "return=representation"));

        settings.Status.Should().Be(HttpStatusCode.BadRequest);
        settings.ErrorTarget.Should().Be("Settings");
        settings.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("No plugin 'gone.plugin' is installed");
        renamed.Status.Should().Be(HttpStatusCode.OK, renamed.Body);
        renamed.Json.GetProperty("Settings").GetString().Should().Be("{\"a\":\"1\"}");
    }

    [Fact]
    public async Task Post_ConnectorFaultsWhileChecking_Answers503AndCreatesNothing()
    {
        var workspace = await DemoWorkspaceAsync();
        var before = await ConnectionCountAsync();

        var answer = await PostAsync(workspace, ConnectionHostFixture.VaultPlugin, "vault", "{\"instanceUrl\":\"https://v.example\",\"accessToken\":\"t\",\"label\":\"crash\"}");

        answer.Status.Should().Be(HttpStatusCode.ServiceUnavailable, answer.Body);
        answer.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain(ConnectionHostFixture.VaultPlugin).And.NotContain("crashed");
        (await ConnectionCountAsync()).Should().Be(before);
        host.Factory.Logs.Lines.Should().Contain(l => l.Contains(ConnectionHostFixture.VaultPlugin) && l.Contains("validate settings") && l.Contains("faulted"));
    }

    [Fact]
    public async Task SecretSetting_IsEncryptedShownAsSetKeptOnPatch_AndReachesTheConnectorOnlyThroughTheSecretAccessor()
    {
        var secret = "tok-" + Guid.NewGuid().ToString("N");
        var replacement = "tok-" + Guid.NewGuid().ToString("N");
        var bodies = new List<string>();
        var workspace = await Record(bodies, Client.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Vault " + Guid.NewGuid().ToString("N")[..8] }));
        var workspaceId = workspace.Json.GetProperty("Id").GetInt64();

        var created = await Record(bodies, PostAsync(workspaceId, ConnectionHostFixture.VaultPlugin, "vault",
            JsonSerializer.Serialize(new { instanceUrl = "https://vault.example", accessToken = secret })));
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        var id = created.Json.GetProperty("Id").GetInt64();
        var (settingsColumn, secretsColumn) = await RawColumnsAsync(id);
        var read = await Record(bodies, Client.SendJsonAsync(HttpMethod.Get, $"/odata/Connections({id})"));
        var filtered = await Record(bodies, Client.SendJsonAsync(HttpMethod.Get, $"/odata/Connections?$filter=contains(Settings,'(set)') and Id eq {id}&$select=Id"));
        var firstSync = await Record(bodies, Client.SendJsonAsync(HttpMethod.Post, $"/api/connections/{id}/sync"));
        var etag = (await Record(bodies, Client.SendJsonAsync(HttpMethod.Get, $"/odata/Connections({id})"))).Header("ETag");
        var keptWithMarker = await Record(bodies, Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})",
            new { Settings = "{\"instanceUrl\":\"https://vault.example\",\"accessToken\":\"(set)\"}" }));
        var keptWhenOmitted = await Record(bodies, Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})",
            new { Settings = "{\"instanceUrl\":\"https://vault.example\",\"label\":\"mine\"}" }, ("Prefer", "return=representation")));
        var secondSync = await Record(bodies, Client.SendJsonAsync(HttpMethod.Post, $"/api/connections/{id}/sync"));
        var replaced = await Record(bodies, Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})",
            new { Settings = JsonSerializer.Serialize(new { instanceUrl = "https://vault.example", accessToken = replacement }) }));
        var thirdSync = await Record(bodies, Client.SendJsonAsync(HttpMethod.Post, $"/api/connections/{id}/sync"));
        var accounts = await Record(bodies, Client.SendJsonAsync(HttpMethod.Get, $"/odata/Accounts?$filter=ConnectionId eq {id}&$orderby=Id&$select=ExternalId,DisplayName"));

        created.Json.GetProperty("Settings").GetString().Should().Be("{\"instanceUrl\":\"https://vault.example\",\"accessToken\":\"(set)\"}");
        created.Json.GetProperty("Network").GetString().Should().Be("vaultnet");
        created.Json.GetProperty("IntervalSeconds").GetInt32().Should().Be(900, "the SDK's default pull interval of 15 minutes");
        settingsColumn.Should().NotContain(secret);
        secretsColumn.Should().NotBeNull();
        Encoding.UTF8.GetString(secretsColumn!).Should().NotContain(secret, "the secret is encrypted");
        read.Json.GetProperty("Settings").GetString().Should().Contain("\"accessToken\":\"(set)\"");
        filtered.Json.GetProperty("value").GetArrayLength().Should().Be(1);
        firstSync.Json.GetProperty("status").GetString().Should().Be("Succeeded", firstSync.Body);
        keptWithMarker.Status.Should().Be(HttpStatusCode.NoContent, keptWithMarker.Body);
        keptWithMarker.Header("ETag").Should().Be(etag, "sending the settings back unchanged changes nothing");
        keptWhenOmitted.Status.Should().Be(HttpStatusCode.OK, keptWhenOmitted.Body);
        keptWhenOmitted.Json.GetProperty("Settings").GetString().Should().Be("{\"instanceUrl\":\"https://vault.example\",\"accessToken\":\"(set)\",\"label\":\"mine\"}");
        secondSync.Json.GetProperty("status").GetString().Should().Be("Succeeded", secondSync.Body);
        replaced.Status.Should().Be(HttpStatusCode.NoContent, replaced.Body);
        thirdSync.Json.GetProperty("status").GetString().Should().Be("Succeeded", thirdSync.Body);
        var seen = accounts.Json.GetProperty("value").EnumerateArray().Select(a => (a.GetProperty("ExternalId").GetString(), a.GetProperty("DisplayName").GetString())).ToList();
        seen.Should().Equal(
            ("token-" + Sha256(secret), "instanceUrl=https://vault.example,label=mine"),
            ("token-" + Sha256(replacement), "instanceUrl=https://vault.example,label=vault-default"));
        bodies.Should().NotContain(b => b.Contains(secret) || b.Contains(replacement), "no answer carries a secret");
        host.Factory.Logs.Lines.Should().NotBeEmpty();
        host.Factory.Logs.Lines.Should().NotContain(l => l.Contains(secret) || l.Contains(replacement), "no log line carries a secret");
    }

    private static async Task<JsonAnswer> Record(List<string> bodies, Task<JsonAnswer> request)
    {
        var answer = await request;
        bodies.Add(answer.Body);
        bodies.AddRange(answer.Headers.Values);
        return answer;
    }

    private Task<JsonAnswer> PostAsync(long workspace, string plugin, string connector, string settings) =>
        Client.SendJsonAsync(HttpMethod.Post, "/odata/Connections",
            new { WorkspaceId = workspace, Plugin = plugin, Connector = connector, DisplayName = "Test connection", Settings = settings });

    private async Task<long> DemoWorkspaceAsync() =>
        (await Client.GetJsonAsync("/odata/Workspaces?$filter=Name eq 'Demo'")).GetProperty("value")[0].GetProperty("Id").GetInt64();

    private async Task<long> ConnectionCountAsync() =>
        long.Parse(await Client.GetStringAsync("/odata/Connections/$count"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonElement> WaitForSucceededRunAsync(long connection)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var runs = (await Client.GetJsonAsync($"/odata/SyncRuns?$filter=ConnectionId eq {connection} and Status eq 'Succeeded'")).GetProperty("value");
            if (runs.GetArrayLength() > 0)
            {
                return runs[0].Clone();
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The scheduler did not sync connection {connection} within 90 s.");
            }

            await Task.Delay(200);
        }
    }

    private async Task<(string Settings, byte[]? Secrets)> RawColumnsAsync(long id)
    {
        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(host.Factory.DataPath, "engage.db")}");
        await sqlite.OpenAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT Settings, Secrets FROM Connections WHERE Id = @id";
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        return (reader.GetString(0), reader.IsDBNull(1) ? null : (byte[])reader[1]);
    }

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
