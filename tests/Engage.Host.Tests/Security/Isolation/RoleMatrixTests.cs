using System.Net;
using Engage.Host.ODataWrites;
using Engage.Host.Tests.Http;
using Microsoft.OData.Edm;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>
/// The role matrix: every principal (Admin for all workspaces, and Admin, Editor, Approver, Analyst keys for workspace A)
/// times every entity set of the model times POST, PATCH and DELETE gets the exact status the product's rules give; an
/// allowed write on a row of workspace B answers 404, and an insert into B answers 400 exactly as for a workspace that
/// does not exist.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class RoleMatrixTests(IsolationFixture fixture)
{
    private static readonly string[] Principals = ["Admin", "ScopedAdmin", "Editor", "Approver", "Analyst"];

    public static TheoryData<string, string> Writes()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in IsolationModel.Sets.Select(s => s.Name))
        {
            foreach (var method in new[] { "POST", "PATCH", "DELETE" })
            {
                data.Add(set, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_EachPrincipal_GetsTheStatusOfItsRole(string set, string method)
    {
        var shape = EditableSets.Shapes.GetValueOrDefault(set);
        var writable = method switch
        {
            "POST" => shape?.Insertable.Count > 0,
            "PATCH" => shape?.Updatable.Count > 0,
            _ => shape?.Deletable == true,
        };
        WriteSamples.Allowed.TryGetValue((set, method), out var allowed).Should().Be(writable,
            $"{set} {method} is {(writable ? "" : "not ")}writable in the model: {(writable ? "add" : "remove")} its expected roles in {nameof(WriteSamples)}");

        foreach (var principal in Principals)
        {
            var expected = !writable ? 405 : allowed!.Contains(principal) ? WriteSamples.Success(set, method) : 403;
            var answer = await SendAsync(fixture.Client(principal), set, method, fixture.A);
            ((int)answer.Status).Should().Be(expected, $"{principal} {method} {set}: {answer.Body}");
            if (expected == 403)
            {
                answer.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("needs").And.Contain("role");
            }
        }

        if (!writable || method == "POST" && set == "Workspaces")
        {
            return;
        }

        foreach (var principal in allowed!.Where(p => p != "Admin"))
        {
            var answer = await SendAsync(fixture.Client(principal), set, method, fixture.B);
            var expectedOutside = method == "POST" ? 400 : 404;
            ((int)answer.Status).Should().Be(expectedOutside, $"{principal} {method} {set} in workspace B: {answer.Body}");
            if (method == "POST")
            {
                var unknown = await fixture.Client(principal).SendJsonAsync(HttpMethod.Post, "/odata/" + set, await InsertBodyAsync(set, 999_999));
                answer.ErrorTarget.Should().Be("WorkspaceId");
                answer.Json.GetProperty("error").GetProperty("message").GetString()
                    .Should().Be(unknown.Json.GetProperty("error").GetProperty("message").GetString()!.Replace("999999", fixture.B.ToString(), StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("Admin", 200)]
    [InlineData("ScopedAdmin", 200)]
    [InlineData("Editor", 200)]
    [InlineData("Approver", 403)]
    [InlineData("Analyst", 403)]
    public async Task Reply_EachPrincipal_GetsTheStatusOfItsRole(string principal, int expected)
    {
        var inbound = await InboundAsync(fixture.A);

        var answer = await fixture.Client(principal).SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({inbound})/Engage.Reply", new { Text = "Thanks!" });

        ((int)answer.Status).Should().Be(expected, answer.Body);
        if (expected == 200)
        {
            answer.Json.GetProperty("WorkspaceId").GetInt64().Should().Be(fixture.A);
            var other = await fixture.Client(principal).SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({await InboundAsync(fixture.B)})/Engage.Reply", new { Text = "Thanks!" });
            ((int)other.Status).Should().Be(principal == "Admin" ? 200 : 404, other.Body);
        }
    }

    [Theory]
    [InlineData("Admin", 200)]
    [InlineData("ScopedAdmin", 403)]
    [InlineData("Editor", 403)]
    [InlineData("Approver", 403)]
    [InlineData("Analyst", 403)]
    public async Task Revoke_OnlyAnAdminOfAllWorkspaces_RevokesAKey(string principal, int expected)
    {
        var created = await fixture.Admin.SendJsonAsync(HttpMethod.Post, "/odata/ApiKeys", WriteSamples.Insert("ApiKeys", fixture.A, 0, 0));
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        var id = created.Json.GetProperty("Id").GetInt64();

        var answer = await fixture.Client(principal).SendJsonAsync(HttpMethod.Post, $"/odata/ApiKeys({id})/Engage.Revoke");

        ((int)answer.Status).Should().Be(expected, answer.Body);
        var revokedAt = (await fixture.Admin.GetJsonAsync($"/odata/ApiKeys({id})")).GetProperty("RevokedAt");
        (revokedAt.ValueKind == System.Text.Json.JsonValueKind.Null).Should().Be(expected != 200, "only an allowed revoke changes the key");
    }

    [Theory]
    [InlineData("AuditEvents", "Admin", 200)]
    [InlineData("AuditEvents", "ScopedAdmin", 403)]
    [InlineData("AuditEvents", "Editor", 403)]
    [InlineData("AuditEvents", "Approver", 403)]
    [InlineData("AuditEvents", "Analyst", 403)]
    [InlineData("Metrics", "Analyst", 200)]
    [InlineData("Plugins", "Approver", 200)]
    public async Task Read_GlobalSet_IsOpenOrAdminOnly(string set, string principal, int expected)
    {
        var answer = await fixture.Client(principal).SendJsonAsync(HttpMethod.Get, $"/odata/{set}?$top=1");
        var count = await fixture.Client(principal).SendJsonAsync(HttpMethod.Get, $"/odata/{set}/$count");

        ((int)answer.Status).Should().Be(expected, answer.Body);
        ((int)count.Status).Should().Be(expected, count.Body);
        if (expected == 403)
        {
            answer.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("needs an Admin key for all workspaces");
        }
    }

    private async Task<long> InboundAsync(long workspace) =>
        (await fixture.Admin.GetJsonAsync($"/odata/Interactions?$filter=WorkspaceId eq {workspace} and Direction eq 'Inbound'&$top=1&$select=Id"))
            .GetProperty("value")[0].GetProperty("Id").GetInt64();

    private async Task<object> InsertBodyAsync(string set, long workspace)
    {
        var home = workspace == fixture.B ? fixture.B : fixture.A;
        return WriteSamples.Insert(set, workspace, await fixture.SomeIdAsync("Accounts", home), await fixture.SomeIdAsync("Contacts", home))
            ?? throw new InvalidOperationException($"{set} is insertable: give {nameof(WriteSamples)}.{nameof(WriteSamples.Insert)} a body for it.");
    }

    /// <summary>The write on a row of <paramref name="workspace"/>: a fresh row the Admin made (or, for sets without POST, an existing one).</summary>
    private async Task<JsonAnswer> SendAsync(HttpClient client, string set, string method, long workspace)
    {
        if (method == "POST")
        {
            return await client.SendJsonAsync(HttpMethod.Post, "/odata/" + set, WriteSamples.Insert(set, workspace, 0, 0) is null
                ? new { }
                : await InsertBodyAsync(set, workspace));
        }

        var id = await TargetAsync(set, method, workspace);
        return method == "PATCH"
            ? await client.SendJsonAsync(HttpMethod.Patch, $"/odata/{set}({id})", WriteSamples.Update(set) ?? new { })
            : await client.SendJsonAsync(HttpMethod.Delete, $"/odata/{set}({id})");
    }

    /// <summary>The key literal of the row to change: the workspace itself, a fresh row, an existing one, or any key of a global set.</summary>
    private async Task<string> TargetAsync(string set, string method, long workspace)
    {
        if (set == "Workspaces")
        {
            return workspace.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (EditableSets.Shapes.GetValueOrDefault(set) is not { Insertable.Count: > 0 })
        {
            return IsolationModel.ScopeProperty(set) is not null ? (await fixture.SomeIdAsync(set, workspace)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : IsolationModel.Find(set).EntityType().Key().Single().Type.IsString() ? "'engage.demo'" : "1";
        }

        var created = await fixture.Admin.SendJsonAsync(HttpMethod.Post, "/odata/" + set, await InsertBodyAsync(set, workspace));
        created.Status.Should().Be(HttpStatusCode.Created, $"the Admin prepares a {set} row for {method}: {created.Body}");
        return created.Json.GetProperty("Id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
