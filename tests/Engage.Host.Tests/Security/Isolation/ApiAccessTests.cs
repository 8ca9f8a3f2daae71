using System.Net;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>The small /api endpoints follow the same rules: roles (403 naming them) and workspaces (404 as for a row that does not exist).</summary>
[Collection(IsolationCollection.Name)]
public sealed class ApiAccessTests(IsolationFixture fixture)
{
    [Theory]
    [InlineData("Editor", 200)]
    [InlineData("ScopedAdmin", 200)]
    [InlineData("Approver", 403)]
    [InlineData("Analyst", 403)]
    public async Task Sync_ConnectionOfA_ByRole(string principal, int expected)
    {
        var answer = await fixture.Client(principal).SendJsonAsync(HttpMethod.Post, $"/api/connections/{await ConnectionAsync(fixture.A)}/sync");

        ((int)answer.Status).Should().Be(expected, answer.Body);
        if (expected == 403)
        {
            answer.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("needs the Admin or Editor role");
        }
    }

    [Fact]
    public async Task Sync_ConnectionOfB_Answers404LikeAMissingOne()
    {
        var other = await fixture.Client("Editor").SendJsonAsync(HttpMethod.Post, $"/api/connections/{await ConnectionAsync(fixture.B)}/sync");
        var missing = await fixture.Client("Editor").SendJsonAsync(HttpMethod.Post, "/api/connections/999999/sync");

        other.Status.Should().Be(HttpStatusCode.NotFound, other.Body);
        missing.Status.Should().Be(HttpStatusCode.NotFound);
        other.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("NotFound");
    }

    [Theory]
    [InlineData("Editor", 200, 404)]
    [InlineData("Admin", 200, 200)]
    [InlineData("Analyst", 403, 403)]
    public async Task MetricsCompute_ByRoleAndWorkspace(string principal, int inA, int inB)
    {
        var client = fixture.Client(principal);
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7).ToString("yyyy-MM-dd");

        var a = await client.SendJsonAsync(HttpMethod.Post, $"/api/workspaces/{fixture.A}/metrics/compute?from={from}");
        var b = await client.SendJsonAsync(HttpMethod.Post, $"/api/workspaces/{fixture.B}/metrics/compute?from={from}");
        var missing = await client.SendJsonAsync(HttpMethod.Post, $"/api/workspaces/999999/metrics/compute?from={from}");

        ((int)a.Status).Should().Be(inA, a.Body);
        ((int)b.Status).Should().Be(inB, b.Body);
        ((int)missing.Status).Should().Be(inA == 403 ? 403 : 404, missing.Body);
    }

    [Theory]
    [InlineData("Editor", 201, 404)]
    [InlineData("Approver", 403, 403)]
    public async Task ReportRender_ByRoleAndWorkspace(string principal, int inA, int inB)
    {
        var client = fixture.Client(principal);

        var a = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Body(fixture.A));
        var b = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Body(fixture.B));

        ((int)a.Status).Should().Be(inA, a.Body);
        ((int)b.Status).Should().Be(inB, b.Body);
    }

    [Theory]
    [InlineData("Analyst")]
    [InlineData("Approver")]
    [InlineData("Editor")]
    public async Task ReportHtml_AnyRoleReadsA_NotB(string principal)
    {
        var client = fixture.Client(principal);

        var a = await client.SendJsonAsync(HttpMethod.Get, $"/api/reports/{await fixture.SomeIdAsync("Reports", fixture.A)}/html");
        var b = await client.SendJsonAsync(HttpMethod.Get, $"/api/reports/{await fixture.SomeIdAsync("Reports", fixture.B)}/html");

        a.Status.Should().Be(HttpStatusCode.OK, a.Body);
        a.Body.Should().StartWith("<!DOCTYPE html>");
        b.Status.Should().Be(HttpStatusCode.NotFound, b.Body);
    }

    private static object Body(long workspace)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new { workspaceId = workspace, template = "workspace-summary", periodStart = today.AddDays(-7).ToString("yyyy-MM-dd"), periodEnd = today.ToString("yyyy-MM-dd") };
    }

    private async Task<long> ConnectionAsync(long workspace) =>
        (await fixture.Admin.GetJsonAsync($"/odata/Connections?$filter=WorkspaceId eq {workspace} and Plugin eq 'engage.demo'&$orderby=Id&$top=1"))
            .GetProperty("value")[0].GetProperty("Id").GetInt64();
}
