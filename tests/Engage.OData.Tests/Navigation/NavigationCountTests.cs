using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Navigation;

public sealed class NavigationCountTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_FilterOnNavigationCount_ComparesTheNumberOfRelatedRows()
    {
        var response = await _client.GetODataAsync("odata/Customers?$filter=Orders/$count ge 15&$select=Id&$count=true");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var expected = Enumerable.Range(1, TestDatabase.CustomerCount).Count(c => fixture.Database.Orders.Count(o => o.CustomerId == c) >= 15);
        response.Json.GetProperty("@odata.count").GetInt64().Should().Be(expected);
    }

    [Fact]
    public async Task Get_FilterOnNavigationCountWithRowScope_CountsOnlyScopedRows()
    {
        var response = await _client.GetODataAsync("odata/Customers?$filter=Orders/$count eq 5&$select=Id", (ODataTestServer.WorkspaceHeader, "2"));

        var expected = Enumerable.Range(1, TestDatabase.CustomerCount)
            .Where(c => fixture.Database.Orders.Count(o => o.CustomerId == c && o.WorkspaceId == 2) == 5).Select(c => (long)c);
        response.Rows.Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_ExpandStar_ExpandsEveryNavigation()
    {
        var response = await _client.GetODataAsync("odata/Orders?$expand=*&$top=1&$select=Id");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Rows[0].GetProperty("Customer").GetProperty("Id").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Get_ExpandWithCompute_JoinsOnTheForeignKeyNotOnAComputedColumn()
    {
        var response = await _client.GetODataAsync("odata/Orders?$compute=Amount mul 2 as Twice&$select=Id,Twice&$expand=Customer($select=Name)&$top=2");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Rows.Select(r => r.GetProperty("Customer").GetProperty("Name").GetString()).Should().Equal("Customer 2", "Customer 3");
        response.Rows.Select(r => r.GetProperty("Twice").GetDouble()).Should().Equal(3.0, 6.0);
    }

    [Fact]
    public async Task Get_ExpansionOverTheRowBudget_Answers400BeforeWriting()
    {
        var definition = ODataTestServer.DefaultDefinition(fixture.Database);
        await using var server = await ODataTestServer.StartAsync(fixture.Database, new Engage.OData.Hosting.ODataServiceDefinition
        {
            Model = definition.Model,
            EntitySets = definition.EntitySets,
            OpenConnection = definition.OpenConnection,
            MaxExpandedRowsPerPage = 20,
        });

        var tooMany = await server.Client.GetODataAsync("odata/Customers?$expand=Orders&$top=2");
        var enough = await server.Client.GetODataAsync("odata/Customers?$expand=Orders($top=10)&$top=2");

        tooMany.Status.Should().Be(HttpStatusCode.BadRequest);
        tooMany.ErrorMessage.Should().Contain("maxpagesize");
        enough.Status.Should().Be(HttpStatusCode.OK);
    }
}
