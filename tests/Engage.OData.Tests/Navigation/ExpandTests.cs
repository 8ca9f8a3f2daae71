using System.Net;
using System.Text.Json;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Navigation;

public sealed class ExpandTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private string Context => fixture.Server.BaseAddress + "odata/$metadata#";

    [Fact]
    public async Task Get_ExpandCollection_AttachesEveryRelatedRowInKeyOrder()
    {
        var response = await _client.GetODataAsync("odata/Customers?$expand=Orders&$top=3");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        foreach (var customer in response.Rows)
        {
            var id = customer.GetProperty("Id").GetInt64();
            var expected = fixture.Database.Orders.Where(o => o.CustomerId == id).Select(o => o.Id).ToList();
            customer.GetProperty("Orders").EnumerateArray().Select(o => o.GetProperty("Id").GetInt64()).Should().Equal(expected);
        }
    }

    [Fact]
    public async Task Get_ExpandSingle_AttachesTheRelatedEntity()
    {
        var response = await _client.GetODataAsync("odata/Orders?$expand=Customer($select=Name)&$top=2");

        response.Rows.Select(r => r.GetProperty("Customer").GetProperty("Name").GetString())
            .Should().Equal("Customer 2", "Customer 3");
        response.Rows[0].GetProperty("Customer").EnumerateObject().Select(p => p.Name).Should().Equal("Name");
    }

    [Fact]
    public async Task Get_SelectAndExpand_HasExplicitContextWithoutEmptyParentheses()
    {
        var response = await _client.GetODataAsync("odata/Customers?$select=Name&$expand=Orders&$top=1");

        response.Json.GetProperty("@odata.context").GetString().Should().Be(
            Context + "Customers(Name,Orders(Id,CustomerId,Product,Note,Amount,Quantity,Price,Paid,OrderDate,ShippedAt))");
        response.Rows[0].EnumerateObject().Select(p => p.Name).Should().Equal("Name", "Orders");
    }

    [Fact]
    public async Task Get_ExpandOnly_ListsTheExpandedPropertiesInTheContext()
    {
        var response = await _client.GetODataAsync("odata/Orders?$expand=Customer&$top=1");

        response.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Orders(Customer(Id,Name,Email,Active,Joined))");
        response.Body.Should().NotContain("()");
    }

    [Fact]
    public async Task Get_ExpandWithNestedSelect_UsesTheNestedSelectInTheContext()
    {
        var response = await _client.GetODataAsync("odata/Customers?$expand=Orders($select=Amount)&$top=1");

        response.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Customers(Orders(Amount))");
        response.Rows[0].GetProperty("Orders")[0].EnumerateObject().Select(p => p.Name).Should().Equal("Amount");
    }

    [Fact]
    public async Task Get_ExpandWithNestedFilterOrderByTopSkip_AppliesThemPerParent()
    {
        var response = await _client.GetODataAsync(
            "odata/Customers?$expand=Orders($filter=Paid;$orderby=Amount desc;$top=2;$skip=1;$select=Id)&$top=4");

        foreach (var customer in response.Rows)
        {
            var id = customer.GetProperty("Id").GetInt64();
            var expected = fixture.Database.Orders.Where(o => o.CustomerId == id && o.Paid)
                .OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Skip(1).Take(2).Select(o => o.Id).ToList();
            customer.GetProperty("Orders").EnumerateArray().Select(o => o.GetProperty("Id").GetInt64()).Should().Equal(expected);
        }
    }

    [Fact]
    public async Task Get_ExpandWithNestedCount_WritesCountOfAllMatchingRows()
    {
        var response = await _client.GetODataAsync("odata/Customers?$expand=Orders($count=true;$top=1;$filter=Paid)&$top=3");

        foreach (var customer in response.Rows)
        {
            var id = customer.GetProperty("Id").GetInt64();
            customer.GetProperty("Orders@odata.count").GetInt64().Should().Be(fixture.Database.Orders.Count(o => o.CustomerId == id && o.Paid));
            customer.GetProperty("Orders").GetArrayLength().Should().BeLessThanOrEqualTo(1);
        }
    }

    [Fact]
    public async Task Get_NestedExpand_ExpandsTwoLevels()
    {
        var response = await _client.GetODataAsync("odata/Customers?$select=Id&$expand=Orders($top=2;$select=Id;$expand=Customer($select=Name))&$top=2");

        response.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Customers(Id,Orders(Id,Customer(Name)))");
        foreach (var customer in response.Rows)
        {
            var name = "Customer " + customer.GetProperty("Id").GetInt64();
            customer.GetProperty("Orders").EnumerateArray().Select(o => o.GetProperty("Customer").GetProperty("Name").GetString())
                .Should().HaveCount(2).And.OnlyContain(n => n == name);
        }
    }

    [Fact]
    public async Task Get_ExpandAcrossPages_FollowsNextLinksWithExpandedRows()
    {
        var pages = await _client.GetAllPagesAsync("odata/Customers?$expand=Orders($select=Id)", ("Prefer", "odata.maxpagesize=7"));

        pages.Should().HaveCount(3);
        pages[0].NextLink.Should().Contain("$expand=Orders");
        var rows = pages.SelectMany(p => p.Rows).ToList();
        rows.Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(Enumerable.Range(1, TestDatabase.CustomerCount).Select(i => (long)i));
        rows.Sum(r => r.GetProperty("Orders").GetArrayLength()).Should().Be(TestDatabase.OrderCount);
    }

    [Fact]
    public async Task Get_ByKeyWithExpand_ReturnsEntityWithRelatedRows()
    {
        var response = await _client.GetODataAsync("odata/Customers(3)?$expand=Orders($select=Id;$top=2)");

        response.Json.GetProperty("@odata.context").GetString().Should().Be(Context + "Customers(Orders(Id))/$entity");
        response.Json.GetProperty("Orders").EnumerateArray().Select(o => o.GetProperty("Id").GetInt64()).Should().Equal(2, 22);
    }

    [Fact]
    public async Task Get_ExpandWithFullMetadata_WritesIdsOfExpandedRows()
    {
        var response = await _client.GetODataAsync("odata/Orders(5)?$expand=Customer", ("Accept", "application/json;odata.metadata=full"));

        response.Json.GetProperty("Customer").GetProperty("@odata.id").GetString().Should().EndWith("odata/Customers(6)");
    }

    [Theory]
    [InlineData("odata/Orders?$expand=Nope")]
    [InlineData("odata/Orders?$expand=Product")]
    [InlineData("odata/Orders?$expand=Customer($top=1)")]
    public async Task Get_ExpandOfMissingOrStructuralProperty_Answers400(string url)
    {
        var response = await _client.GetODataAsync(url);

        response.Status.Should().Be(HttpStatusCode.BadRequest, response.Body);
    }

    [Fact]
    public async Task Get_ExpandWithRowScope_RestrictsExpandedRows()
    {
        var response = await _client.GetODataAsync("odata/Customers?$expand=Orders($select=Id;$count=true)&$top=2", (ODataTestServer.WorkspaceHeader, "2"));

        foreach (var customer in response.Rows)
        {
            var id = customer.GetProperty("Id").GetInt64();
            var expected = fixture.Database.Orders.Where(o => o.CustomerId == id && o.WorkspaceId == 2).Select(o => o.Id).ToList();
            customer.GetProperty("Orders").EnumerateArray().Select(o => o.GetProperty("Id").GetInt64()).Should().Equal(expected);
            customer.GetProperty("Orders@odata.count").GetInt64().Should().Be(expected.Count);
        }
    }

    [Fact]
    public async Task Get_ExpandWithIeee754_WritesNestedCountAsString()
    {
        var response = await _client.GetODataAsync(
            "odata/Customers?$expand=Orders($count=true;$top=0)&$top=1", ("Accept", "application/json;IEEE754Compatible=true"));

        response.Rows[0].GetProperty("Orders@odata.count").ValueKind.Should().Be(JsonValueKind.String);
    }
}
