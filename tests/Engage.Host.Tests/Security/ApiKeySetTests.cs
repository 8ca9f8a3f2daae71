using System.Net;
using System.Net.Http.Headers;
using Engage.Host.Tests.Audit;
using Engage.Host.Tests.Http;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Security;

/// <summary>
/// The ApiKeys entity set with the Admin key: create (the secret in that answer only), list (never a secret or hash),
/// revoke (200, then the key answers 401), the last active Admin key kept, and an audit row for each change.
/// </summary>
public sealed class ApiKeySetTests : IAsyncLifetime
{
    private readonly EngageAppFactory _factory = new();
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _factory.Settings["Engage:Demo:Enabled"] = "false";
        _admin = _factory.CreateAuthenticatedClient();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Post_CreatesAKey_TheSecretIsInThatAnswerOnly_AndWorks()
    {
        var workspace = await WorkspaceAsync("North");

        var created = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "  Power BI refresh ", Role = "Analyst", Workspaces = $"{workspace}, {workspace}", ExpiresAt = "2099-01-31T00:00:00Z" });
        var minimal = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "minimal", Role = "Admin" }, ("Prefer", "return=minimal"));

        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        var key = created.Json;
        var secret = key.GetProperty("Secret").GetString()!;
        secret.Should().StartWith("engage_").And.HaveLength(50);
        key.GetProperty("Prefix").GetString().Should().Be(secret[..15]);
        key.GetProperty("Name").GetString().Should().Be("Power BI refresh");
        key.GetProperty("Workspaces").GetString().Should().Be($"{workspace}");
        key.GetProperty("CreatedAt").GetString().Should().EndWith("Z");
        key.GetProperty("RevokedAt").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        key.TryGetProperty("Hash", out _).Should().BeFalse();
        minimal.Status.Should().Be(HttpStatusCode.Created, "the answer carries the secret, so it is never minimal");
        minimal.Json.GetProperty("Secret").GetString().Should().StartWith("engage_");

        var id = key.GetProperty("Id").GetInt64();
        var one = await _admin.SendJsonAsync(HttpMethod.Get, $"/odata/ApiKeys({id})");
        var list = await _admin.SendJsonAsync(HttpMethod.Get, "/odata/ApiKeys");
        var withSecret = await _admin.SendJsonAsync(HttpMethod.Get, "/odata/ApiKeys?$filter=Secret ne null");
        one.Json.GetProperty("Secret").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "the secret is shown once");
        list.Json.GetProperty("value").GetArrayLength().Should().Be(3);
        withSecret.Json.GetProperty("value").GetArrayLength().Should().Be(0);
        foreach (var read in new[] { one, list, withSecret })
        {
            read.Body.Should().NotContain(secret[15..]).And.NotContain("Hash");
        }

        using var analyst = Client(secret);
        (await analyst.GetAsync("/odata/Workspaces")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.GetJsonAsync($"/odata/ApiKeys({id})")).GetProperty("LastUsedAt").GetString().Should().EndWith("Z", "the key was just used");
        var rows = await AuditRows.AfterAsync(_factory.DataPath);
        rows.Where(r => r.Action == "ApiKey.Create").Select(r => (r.Actor, r.EntityId)).Should().Equal(
            ("system", "1"), ("admin (created on first start)", $"{id}"), ("admin (created on first start)", $"{id + 1}"));
        var prefix = secret[..15];
        var hidden = secret[15..];
        rows.Select(r => r.Details).Should().Contain($"Created key 'Power BI refresh' (Analyst, workspaces {workspace}, expires 2099-01-31T00:00:00.0000000Z), prefix {prefix}");
        rows.Select(r => r.Details ?? "").Should().NotContain(d => d.Contains(hidden));
        (await AuditRows.VerifyAsync(_factory.DataPath)).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Post_InvalidKeys_Answer400NamingTheProperty_AndCreateNothing()
    {
        var before = await AuditRows.LastIdAsync(_factory.DataPath);

        var role = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "x", Role = "Root" });
        var noWorkspaces = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "x", Role = "Editor" });
        var badList = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "x", Role = "Editor", Workspaces = "1,x" });
        var missing = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "x", Role = "Editor", Workspaces = "999" });
        var past = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "x", Role = "Admin", ExpiresAt = "2001-01-01T00:00:00Z" });
        var blank = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = " ", Role = "Admin" });
        var chosenSecret = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "x", Role = "Admin", Secret = "engage_mine" });
        var patch = await _admin.SendJsonAsync(HttpMethod.Patch, "/odata/ApiKeys(1)", new { Role = "Analyst" });
        var delete = await _admin.SendJsonAsync(HttpMethod.Delete, "/odata/ApiKeys(1)");

        foreach (var (answer, target) in new[] { (role, "Role"), (noWorkspaces, "Workspaces"), (badList, "Workspaces"), (missing, "Workspaces"), (past, "ExpiresAt"), (blank, "Name"), (chosenSecret, "Secret") })
        {
            answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.Body);
            answer.ErrorTarget.Should().Be(target, answer.Body);
        }

        missing.Body.Should().Contain("There is no workspace 999");
        noWorkspaces.Body.Should().Contain("only an Admin key may reach all workspaces");
        patch.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        delete.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await _admin.GetJsonAsync("/odata/ApiKeys/$count")).GetInt32().Should().Be(1);
        (await AuditRows.AfterAsync(_factory.DataPath, before)).Should().BeEmpty();
    }

    [Fact]
    public async Task Revoke_TakesEffectOnTheNextRequest_KeepsTheRow_AndIsAudited()
    {
        var created = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "ops laptop", Role = "Admin" });
        var id = created.Json.GetProperty("Id").GetInt64();
        using var ops = Client(created.Json.GetProperty("Secret").GetString()!);

        var before = await ops.GetAsync("/odata/Workspaces");
        var revoked = await _admin.SendJsonAsync(HttpMethod.Post, $"/odata/ApiKeys({id})/Engage.Revoke");
        var after = await ops.GetAsync("/odata/Workspaces");
        var again = await _admin.SendJsonAsync(HttpMethod.Post, $"/odata/ApiKeys({id})/Engage.Revoke");

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        revoked.Status.Should().Be(HttpStatusCode.OK, revoked.Body);
        revoked.Json.GetProperty("RevokedAt").GetString().Should().EndWith("Z");
        revoked.Json.GetProperty("Secret").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        again.Status.Should().Be(HttpStatusCode.Conflict);
        again.Body.Should().Contain("already revoked");
        (await _admin.GetJsonAsync($"/odata/ApiKeys({id})")).GetProperty("Name").GetString().Should().Be("ops laptop");
        var row = (await AuditRows.AfterAsync(_factory.DataPath)).Should().ContainSingle(r => r.Action == "ApiKey.Revoke").Subject;
        row.EntityId.Should().Be($"{id}");
        row.Actor.Should().Be("admin (created on first start)");
        row.Details.Should().Be($"Revoked key 'ops laptop', prefix {created.Json.GetProperty("Prefix").GetString()}");
    }

    [Fact]
    public async Task Revoke_TheLastActiveAdminKey_Answers409_UntilAnotherAdminKeyExists()
    {
        var analyst = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "reader", Role = "Analyst", Workspaces = $"{await WorkspaceAsync("South")}" });
        var scopedAdmin = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "branch admin", Role = "Admin", Workspaces = $"{await WorkspaceAsync("Branch")}" });
        var expiring = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "soon", Role = "Admin", ExpiresAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O") });
        await _admin.SendJsonAsync(HttpMethod.Post, $"/odata/ApiKeys({expiring.Json.GetProperty("Id").GetInt64()})/Engage.Revoke");

        var refused = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys(1)/Engage.Revoke");
        var second = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "second admin", Role = "Admin" });
        var revoked = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys(1)/Engage.Revoke");

        analyst.Status.Should().Be(HttpStatusCode.Created);
        scopedAdmin.Status.Should().Be(HttpStatusCode.Created, "an Admin key limited to one workspace cannot manage keys, so it does not count");
        refused.Status.Should().Be(HttpStatusCode.Conflict, refused.Body);
        refused.Body.Should().Contain("last active Admin key").And.Contain("Create another Admin key for all workspaces first");
        second.Status.Should().Be(HttpStatusCode.Created);
        revoked.Status.Should().Be(HttpStatusCode.OK, revoked.Body);
        (await _admin.GetAsync("/odata/Workspaces")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the admin key just revoked itself");
        using var secondAdmin = Client(second.Json.GetProperty("Secret").GetString()!);
        (await secondAdmin.GetAsync("/odata/ApiKeys")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NonAdminKey_CannotListCreateOrRevokeKeys()
    {
        var created = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "reader", Role = "Analyst", Workspaces = $"{await WorkspaceAsync("East")}" });
        using var analyst = Client(created.Json.GetProperty("Secret").GetString()!);

        var list = await analyst.SendJsonAsync(HttpMethod.Get, "/odata/ApiKeys");
        var create = await analyst.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", new { Name = "escalate", Role = "Admin" });
        var revoke = await analyst.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys(1)/Engage.Revoke");

        list.Status.Should().Be(HttpStatusCode.Forbidden);
        list.Body.Should().NotContain("engage_");
        create.Status.Should().Be(HttpStatusCode.Forbidden);
        revoke.Status.Should().Be(HttpStatusCode.Forbidden);
        (await _admin.GetJsonAsync("/odata/ApiKeys/$count")).GetInt32().Should().Be(2, "nothing was created");
    }

    private HttpClient Client(string secret)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private async Task<long> WorkspaceAsync(string name)
    {
        var created = await _admin.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = name });
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        return created.Json.GetProperty("Id").GetInt64();
    }
}
