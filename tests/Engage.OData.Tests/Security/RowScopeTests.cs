using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Security;

public sealed class RowScopeTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly (string, string) Workspace2 = (ODataTestServer.WorkspaceHeader, "2");
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_WithRowScope_ReturnsOnlyScopedRowsAcrossPages()
    {
        var expected = fixture.Database.Orders.Where(o => o.WorkspaceId == 2 && o.Paid).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$filter=Paid&$count=true&$select=Id", Workspace2);

        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
        pages[0].Json.GetProperty("@odata.count").GetInt64().Should().Be(expected.Count);
    }

    [Fact]
    public async Task Get_WithRowScopeAndOrFilter_CannotEscapeTheScope()
    {
        var expected = fixture.Database.Orders.Where(o => o.WorkspaceId == 2).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$filter=Paid or not Paid&$select=Id", Workspace2);

        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_CountSegmentWithRowScope_CountsOnlyScopedRows()
    {
        var response = await _client.GetODataAsync("odata/Orders/$count", Workspace2);

        response.Body.Should().Be(fixture.Database.Orders.Count(o => o.WorkspaceId == 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Get_ByKeyOutsideRowScope_Answers404()
    {
        var outside = fixture.Database.Orders.First(o => o.WorkspaceId != 2).Id;

        var response = await _client.GetODataAsync($"odata/Orders({outside})", Workspace2);

        response.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_WithoutRowScope_SeesEveryRow()
    {
        var response = await _client.GetODataAsync("odata/Orders/$count");

        response.Body.Should().Be("300");
    }
}
