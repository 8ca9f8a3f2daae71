using System.Net;
using System.Text.Json;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Compute;

public sealed class ComputeTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_WithComputeInSelect_WritesTheComputedValueAndContext()
    {
        var response = await _client.GetODataAsync("odata/Orders?$compute=Amount mul 2 as Twice&$select=Id,Twice&$top=3");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Json.GetProperty("@odata.context").GetString().Should().EndWith("$metadata#Orders(Id,Twice)");
        response.Rows.Select(r => r.GetProperty("Twice").GetDouble()).Should().Equal(fixture.Database.Orders.Take(3).Select(o => o.Amount * 2));
        response.Rows.Should().OnlyContain(r => r.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "Id", "Twice" }));
    }

    [Fact]
    public async Task Get_WithOnlyComputedSelected_WritesKeyAndComputedValue()
    {
        var response = await _client.GetODataAsync("odata/Orders?$compute=concat(Product,'!') as Shout&$select=Shout&$top=2");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Rows.Select(r => r.GetProperty("Shout").GetString()).Should().Equal(fixture.Database.Orders.Take(2).Select(o => o.Product + "!"));
        response.Rows.Should().OnlyContain(r => r.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "Id", "Shout" }));
    }

    [Fact]
    public async Task Get_WithComputeWithoutSelect_WritesEveryPropertyAndEveryAlias()
    {
        var response = await _client.GetODataAsync("odata/Orders?$compute=length(Product) as Len,year(OrderDate) as Y,Price add 1 as P1&$top=4");

        var rows = response.Rows;
        rows.Select(r => r.GetProperty("Len").GetInt32()).Should().Equal(fixture.Database.Orders.Take(4).Select(o => o.Product.Length));
        rows.Should().OnlyContain(r => r.GetProperty("Y").GetInt32() == 2024 && r.EnumerateObject().Any(p => p.Name == "Note"));
        rows[3].GetProperty("P1").ValueKind.Should().Be(JsonValueKind.Null);
        rows[0].GetProperty("P1").GetDouble().Should().Be(1.25);
    }

    [Fact]
    public async Task Get_WithComputedAliasInOrderBy_SortsByIt()
    {
        var expected = fixture.Database.Orders.OrderByDescending(o => o.Quantity / 2).ThenBy(o => o.Id).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$compute=Quantity div 2 as Half&$orderby=Half desc&$select=Id,Half");

        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
        pages.SelectMany(p => p.Rows).Should().OnlyContain(r => r.GetProperty("Half").GetInt32() == fixture.Database.Orders[(int)r.GetProperty("Id").GetInt64() - 1].Quantity / 2);
    }

    [Fact]
    public async Task Get_WithComputedAliasInFilterAndCount_FiltersAndCountsByIt()
    {
        var expected = fixture.Database.Orders.Where(o => o.Amount * 2 > 100).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync(
            "odata/Orders?$compute=Amount mul 2 as Twice&$filter=Twice gt 100&$count=true&$select=Id,Twice", ("Prefer", "odata.maxpagesize=50"));

        pages.Should().HaveCountGreaterThan(1);
        pages[0].NextLink.Should().Contain("$compute=Amount%20mul%202%20as%20Twice");
        pages[0].Json.GetProperty("@odata.count").GetInt64().Should().Be(expected.Count);
        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
        pages.SelectMany(p => p.Rows).Should().OnlyContain(r => r.EnumerateObject().Any(p => p.Name == "Twice"));
    }

    [Fact]
    public async Task Get_WithPercentEncodedCompute_WritesTheSameValues()
    {
        var response = await _client.GetODataAsync("odata/Orders?%24compute=Amount%20mul%202%20as%20Twice&%24select=Id%2CTwice&%24top=2");

        response.Rows.Select(r => r.GetProperty("Twice").GetDouble()).Should().Equal(3, 6);
    }

    [Fact]
    public async Task Get_WithComputeOfUnsupportedType_AnswersODataError()
    {
        var response = await _client.GetODataAsync("odata/Orders?$compute=ShippedAt add duration'P1D' as Later");

        ((int)response.Status).Should().BeOneOf([400, 501], response.Body);
        response.ErrorMessage.Should().NotBeNullOrEmpty();
    }
}
