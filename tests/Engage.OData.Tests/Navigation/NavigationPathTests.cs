using System.Globalization;
using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Navigation;

public sealed class NavigationPathTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private string Context => fixture.Server.BaseAddress + "odata/$metadata#";

    private List<long> OrdersOf(long customer) => [.. fixture.Database.Orders.Where(o => o.CustomerId == customer).Select(o => o.Id)];

    [Fact]
    public async Task Get_NavigationCollection_ReturnsRelatedRowsWithTargetSetContext()
    {
        var response = await _client.GetODataAsync("odata/Customers(3)/Orders");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Orders");
        response.Rows.Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(OrdersOf(3));
    }

    [Fact]
    public async Task Get_NavigationCollectionWithOptions_AppliesFilterOrderByTopSkipCountSelect()
    {
        var response = await _client.GetODataAsync("odata/Customers(3)/Orders?$filter=Paid&$orderby=Amount desc&$top=3&$skip=1&$count=true&$select=Id,Amount");

        var matching = fixture.Database.Orders.Where(o => o.CustomerId == 3 && o.Paid).ToList();
        response.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Orders(Id,Amount)");
        response.Json.GetProperty("@odata.count").GetInt64().Should().Be(matching.Count);
        response.Rows.Select(r => r.GetProperty("Id").GetInt64())
            .Should().Equal(matching.OrderByDescending(o => o.Amount).Skip(1).Take(3).Select(o => o.Id));
    }

    [Fact]
    public async Task Get_NavigationCollectionAcrossPages_FollowsNextLinksOnTheNavigationPath()
    {
        var pages = await _client.GetAllPagesAsync("odata/Customers(5)/Orders?$select=Id", ("Prefer", "odata.maxpagesize=4"));

        pages.Should().HaveCount(4);
        pages[0].NextLink.Should().StartWith(fixture.Server.BaseAddress + "odata/Customers(5)/Orders?");
        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(OrdersOf(5));
    }

    [Fact]
    public async Task Get_NavigationCount_CountsRelatedRows()
    {
        var response = await _client.GetODataAsync("odata/Customers(7)/Orders/$count?$filter=Paid");

        response.Body.Should().Be(fixture.Database.Orders.Count(o => o.CustomerId == 7 && o.Paid).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Get_SingleNavigation_ReturnsTheRelatedEntityWithEntityContext()
    {
        var response = await _client.GetODataAsync("odata/Orders(42)/Customer?$select=Id,Name");

        response.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Customers(Id,Name)/$entity");
        response.Json.GetProperty("Id").GetInt64().Should().Be(fixture.Database.Orders.Single(o => o.Id == 42).CustomerId);
    }

    [Fact]
    public async Task Get_NavigationWithKey_ReturnsTheRelatedEntityOnlyWhenRelated()
    {
        var related = await _client.GetODataAsync("odata/Customers(3)/Orders(22)");
        var unrelated = await _client.GetODataAsync("odata/Customers(3)/Orders(23)");

        related.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Orders/$entity");
        related.Json.GetProperty("Id").GetInt64().Should().Be(22);
        unrelated.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("odata/Customers(999)/Orders")]
    [InlineData("odata/Customers(999)/Orders/$count")]
    [InlineData("odata/Orders(9999)/Customer")]
    public async Task Get_NavigationOfMissingParent_Answers404(string url)
    {
        var response = await _client.GetODataAsync(url);

        response.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_NavigationOfParentOutsideRowScope_Answers404()
    {
        var outside = fixture.Database.Orders.First(o => o.WorkspaceId != 2).Id;

        var response = await _client.GetODataAsync($"odata/Orders({outside})/Customer", (ODataTestServer.WorkspaceHeader, "2"));

        response.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_NavigationCollectionWithRowScope_ReturnsOnlyScopedRows()
    {
        var response = await _client.GetODataAsync("odata/Customers(3)/Orders?$select=Id", (ODataTestServer.WorkspaceHeader, "2"));

        response.Rows.Select(r => r.GetProperty("Id").GetInt64())
            .Should().Equal(fixture.Database.Orders.Where(o => o.CustomerId == 3 && o.WorkspaceId == 2).Select(o => o.Id));
    }

    [Fact]
    public async Task Get_UnknownNavigationInPath_Answers404()
    {
        var response = await _client.GetODataAsync("odata/Customers(3)/Nope");

        response.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("odata/Customers?$filter=Nope/any(o: o/Paid)")]
    [InlineData("odata/Customers?$filter=Orders/any(o: o/Nope eq 1)")]
    [InlineData("odata/Orders?$filter=Customer/Nope eq 1")]
    [InlineData("odata/Orders?$orderby=Nope/Name")]
    [InlineData("odata/Customers?$expand=Orders($expand=Nope)")]
    [InlineData("odata/Customers?$filter=Orders/any(o: o/Customer/Orders/any(x: x/Paid) and Nope)")]
    public async Task Get_UnknownNavigationInQueryOption_Answers400(string url)
    {
        var response = await _client.GetODataAsync(url);

        response.Status.Should().Be(HttpStatusCode.BadRequest, response.Body);
    }

    [Fact]
    public async Task Get_NavigationWithExpand_ExpandsTheNavigatedRows()
    {
        var response = await _client.GetODataAsync("odata/Customers(3)/Orders?$top=2&$select=Id&$expand=Customer($select=Name)");

        response.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Orders(Id,Customer(Name))");
        response.Rows.Select(r => r.GetProperty("Customer").GetProperty("Name").GetString()).Should().Equal("Customer 3", "Customer 3");
    }
}
