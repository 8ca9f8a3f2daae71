using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

/// <summary>A caller scoped to one workspace cannot see, change, delete or act on another workspace's rows.</summary>
public sealed class WriteScopeTests(WriteServerFixture fixture) : IClassFixture<WriteServerFixture>
{
    // Order 50 is in workspace (50 % 3) + 1 = 3; the caller is scoped to workspace 1.
    private static readonly (string, string) Workspace1 = (ODataTestServer.WorkspaceHeader, "1");
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task PatchDeleteAndAction_OnAnotherWorkspacesRow_Answer404AndLeaveItUnchanged()
    {
        var before = fixture.Database.Fingerprint();

        var patch = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(50)", """{"Note":"mine now"}""", Workspace1, ("If-Match", "*"));
        var delete = await _client.SendAsync(HttpMethod.Delete, "odata/Orders(50)", null, Workspace1);
        var action = await _client.SendAsync(HttpMethod.Post, "odata/Orders(50)/Test.Shop.Ship", """{"Carrier":"DHL"}""", Workspace1);

        patch.Status.Should().Be(HttpStatusCode.NotFound);
        delete.Status.Should().Be(HttpStatusCode.NotFound);
        action.Status.Should().Be(HttpStatusCode.NotFound);
        fixture.Database.Fingerprint().Should().Be(before);
    }

    [Fact]
    public async Task Patch_OnARowOfTheCallersWorkspace_Succeeds()
    {
        // Order 51 is in workspace (51 % 3) + 1 = 1.
        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(51)", """{"Note":"mine"}""", Workspace1);

        response.Status.Should().Be(HttpStatusCode.NoContent, response.Body);
        fixture.Database.Stored(51, "Note").Should().Be("mine");
    }

    [Fact]
    public async Task Post_InOneWorkspace_IsInvisibleFromAnother()
    {
        var created = await _client.SendAsync(HttpMethod.Post, "odata/Orders",
            """{"CustomerId":1,"Product":"Scoped","Amount":1,"Quantity":1,"OrderDate":"2024-01-01"}""", (ODataTestServer.WorkspaceHeader, "2"));
        var id = created.Json.GetProperty("Id").GetInt64();

        var fromOther = await _client.GetODataAsync($"odata/Orders({id})", Workspace1);
        var patchFromOther = await _client.SendAsync(HttpMethod.Patch, $"odata/Orders({id})", """{"Note":"x"}""", Workspace1);

        created.Status.Should().Be(HttpStatusCode.Created);
        fromOther.Status.Should().Be(HttpStatusCode.NotFound);
        patchFromOther.Status.Should().Be(HttpStatusCode.NotFound);
        fixture.Database.Stored(id, "Note").Should().BeNull();
    }

    [Fact]
    public async Task PostAndPatch_ThatWouldLeaveTheCallersScope_Answer403AndChangeNothing()
    {
        var before = fixture.Database.Fingerprint();
        var count = fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"");

        var post = await _client.SendAsync(HttpMethod.Post, "odata/Orders",
            $$"""{"CustomerId":1,"Product":"Away","Amount":1,"Quantity":1,"OrderDate":"2024-01-01","Note":"{{WriteTestService.ElsewhereNote}}"}""", Workspace1);
        var patch = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(54)", $$"""{"Note":"{{WriteTestService.ElsewhereNote}}"}""", Workspace1);

        post.Status.Should().Be(HttpStatusCode.Forbidden, post.Body);
        patch.Status.Should().Be(HttpStatusCode.Forbidden, patch.Body);
        post.ErrorCode.Should().Be("Forbidden");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"").Should().Be(count);
        fixture.Database.Fingerprint().Should().Be(before);
        fixture.Database.Stored(54, "workspace_id").Should().Be(1L);
    }
}
