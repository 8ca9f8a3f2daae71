using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Navigation;

public sealed class LambdaTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_AnyWithPredicate_ReturnsParentsWithAMatchingChild()
    {
        var expected = Customers(c => fixture.Database.Orders.Any(o => o.CustomerId == c && o.Amount > 400));

        var ids = await IdsAsync("odata/Customers?$filter=Orders/any(o: o/Amount gt 400)&$select=Id");

        ids.Should().Equal(expected).And.NotBeEmpty();
    }

    [Fact]
    public async Task Get_AllWithPredicate_ReturnsParentsWhoseChildrenAllMatch()
    {
        var expected = Customers(c => fixture.Database.Orders.Where(o => o.CustomerId == c).All(o => o.Quantity % 2 == 1));

        var ids = await IdsAsync("odata/Customers?$filter=Orders/all(o: o/Quantity eq 1 or o/Quantity eq 3 or o/Quantity eq 5 or o/Quantity eq 7 or o/Quantity eq 9)");

        ids.Should().Equal(expected).And.NotBeEmpty();
    }

    [Fact]
    public async Task Get_AnyWithoutPredicate_ReturnsParentsWithAnyChild()
    {
        var ids = await IdsAsync("odata/Customers?$filter=Orders/any()");

        ids.Should().HaveCount(TestDatabase.CustomerCount);
    }

    [Fact]
    public async Task Get_NotAnyCombinedWithParentProperty_UsesBothScopes()
    {
        var expected = Customers(c => c % 2 == 1 && !fixture.Database.Orders.Any(o => o.CustomerId == c && o.Product == "Gizmo" && o.Paid));

        var ids = await IdsAsync("odata/Customers?$filter=Active and not Orders/any(o: o/Product eq 'Gizmo' and o/Paid)");

        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Get_LambdaReferringToOuterEntity_CorrelatesWithIt()
    {
        var expected = Customers(c => fixture.Database.Orders.Any(o => o.CustomerId == c && o.Quantity + 1 == c));

        var ids = await IdsAsync("odata/Customers?$filter=Orders/any(o: o/Quantity add 1 eq $it/Id)");

        ids.Should().Equal(expected).And.NotBeEmpty();
    }

    [Fact]
    public async Task Get_FilterThroughSingleNavigation_ComparesTheRelatedProperty()
    {
        var expected = fixture.Database.Orders.Where(o => o.CustomerId % 2 == 1 && o.Amount < 30).Select(o => o.Id).ToList();

        var ids = await IdsAsync("odata/Orders?$filter=Customer/Active and Amount lt 30&$select=Id");

        ids.Should().Equal(expected).And.NotBeEmpty();
    }

    [Fact]
    public async Task Get_OrderByThroughSingleNavigation_SortsByTheRelatedProperty()
    {
        var response = await _client.GetODataAsync("odata/Orders?$orderby=Customer/Name desc,Id&$top=3&$select=Id,CustomerId");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Rows.Select(r => r.GetProperty("CustomerId").GetInt64()).Should().OnlyContain(c => c == 9);
    }

    [Fact]
    public async Task Get_AnyInsideExpandFilterAndNestedSingleNavigation_Works()
    {
        var response = await _client.GetODataAsync(
            "odata/Orders?$filter=Customer/Orders/any(o: o/Amount gt 440)&$select=Id&$expand=Customer($select=Id)");

        var customers = fixture.Database.Orders.Where(o => o.Amount > 440).Select(o => o.CustomerId).ToHashSet();
        response.Rows.Select(r => r.GetProperty("Customer").GetProperty("Id").GetInt64()).Should().OnlyContain(c => customers.Contains(c)).And.NotBeEmpty();
    }

    [Fact]
    public async Task Get_LambdaWithRowScope_MatchesOnlyScopedChildren()
    {
        // Workspace 2 holds the orders whose id % 3 == 1; customer 2's orders 1, 21, 41, ... alternate workspaces.
        var expected = Customers(c => fixture.Database.Orders.Any(o => o.CustomerId == c && o.WorkspaceId == 2 && o.Amount > 430));

        var response = await _client.GetODataAsync("odata/Customers?$filter=Orders/any(o: o/Amount gt 430)&$select=Id", (ODataTestServer.WorkspaceHeader, "2"));

        response.Rows.Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
        Customers(c => fixture.Database.Orders.Any(o => o.CustomerId == c && o.Amount > 430)).Should().NotEqual(expected);
    }

    [Fact]
    public async Task Get_FilterThroughSingleNavigationWithRowScope_TreatsOutOfScopeAsNull()
    {
        var response = await _client.GetODataAsync("odata/Customers?$filter=Orders/any(o: o/Customer/Id eq $it/Id)&$select=Id&$count=true");

        response.Json.GetProperty("@odata.count").GetInt64().Should().Be(TestDatabase.CustomerCount);
    }

    [Fact]
    public async Task Get_NestedLambdaReferringToOuterLambdaVariable_CorrelatesBothLevels()
    {
        var expected = Customers(c => fixture.Database.Orders.Where(o => o.CustomerId == c)
            .Any(o => o.Quantity < 3 && fixture.Database.Orders.Any(x => x.CustomerId == o.CustomerId && x.Id > o.Id + 270)));

        var ids = await IdsAsync("odata/Customers?$filter=Orders/any(o: o/Quantity lt 3 and o/Customer/Orders/any(x: x/Id gt o/Id add 270))&$select=Id");

        ids.Should().Equal(expected).And.NotBeEmpty();
        expected.Should().HaveCountLessThan(TestDatabase.CustomerCount);
    }

    private List<long> Customers(Func<long, bool> predicate) => [.. Enumerable.Range(1, TestDatabase.CustomerCount).Select(i => (long)i).Where(predicate)];

    private async Task<List<long>> IdsAsync(string url)
    {
        var pages = await _client.GetAllPagesAsync(url);
        return [.. pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64())];
    }
}
