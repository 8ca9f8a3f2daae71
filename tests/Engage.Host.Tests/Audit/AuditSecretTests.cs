using System.Net;
using System.Text.Json;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Audit;

/// <summary>No secret reaches the audit trail: a connector's secret settings read "(set)", a new key's secret is never recorded.</summary>
public sealed class AuditSecretTests(ConnectionHostFixture host) : IClassFixture<ConnectionHostFixture>
{
    [Fact]
    public async Task ConnectionSecretsAndKeySecrets_NeverAppearInAnyAuditRow()
    {
        var client = host.Client;
        var secret = "tok-" + Guid.NewGuid().ToString("N");
        var replacement = "tok-" + Guid.NewGuid().ToString("N");
        var before = await AuditRows.LastIdAsync(host.Factory.DataPath);
        var workspace = (await client.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Vault " + Guid.NewGuid().ToString("N")[..8] })).Json.GetProperty("Id").GetInt64();

        var created = await client.SendJsonAsync(HttpMethod.Post, "/odata/Connections", new
        {
            WorkspaceId = workspace, Plugin = ConnectionHostFixture.VaultPlugin, Connector = "vault", DisplayName = "Vault",
            Settings = JsonSerializer.Serialize(new { instanceUrl = "https://vault.example", accessToken = secret }),
        });
        var id = created.Json.GetProperty("Id").GetInt64();
        var replaced = await client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})",
            new { Settings = JsonSerializer.Serialize(new { instanceUrl = "https://vault.example", accessToken = replacement, label = "mine" }) });
        var key = await client.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "bi", Role = "Analyst", Workspaces = $"{workspace}" });
        var keySecret = key.Json.GetProperty("Secret").GetString()!;

        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        replaced.Status.Should().Be(HttpStatusCode.NoContent, replaced.Body);
        key.Status.Should().Be(HttpStatusCode.Created, key.Body);
        var rows = await AuditRows.AfterAsync(host.Factory.DataPath, before);
        rows.Select(r => r.Action).Should().Contain(["Workspaces.Insert", "Connections.Insert", "Connections.Update", "ApiKey.Create"]);
        rows.Single(r => r.Action == "Connections.Insert").Details.Should().Contain("\"accessToken\":\"(set)\"");
        rows.Single(r => r.Action == "Connections.Update").Details.Should().Contain("label");
        var everything = string.Join("\n", rows.Select(r => $"{r.Actor}|{r.Action}|{r.EntitySet}|{r.EntityId}|{r.Details}"));
        everything.Should().NotContain(secret).And.NotContain(replacement).And.NotContain(keySecret[15..]);
        (await AuditRows.VerifyAsync(host.Factory.DataPath)).Intact.Should().BeTrue();
    }
}
