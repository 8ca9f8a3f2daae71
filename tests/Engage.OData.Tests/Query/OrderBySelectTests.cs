using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Query;

public sealed class OrderBySelectTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_WithMultiKeyOrderBy_SortsByEachKeyThenByKey()
    {
        var expected = fixture.Database.Orders
            .OrderBy(o => o.Product, StringComparer.Ordinal).ThenByDescending(o => o.Quantity).ThenBy(o => o.Id)
            .Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$orderby=Product,Quantity desc");

        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithOrderByOnNullableColumn_PutsNullsFirstAscending()
    {
        var pages = await _client.GetAllPagesAsync("odata/Orders?$orderby=Price&$select=Id,Price");

        var prices = pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Price")).ToList();
        var nulls = fixture.Database.Orders.Count(o => o.Price is null);
        prices.Take(nulls).Should().OnlyContain(p => p.ValueKind == System.Text.Json.JsonValueKind.Null);
        prices.Skip(nulls).Select(p => p.GetDouble()).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Get_WithOrderByDescOnKey_SortsDescending()
    {
        var response = await _client.GetODataAsync("odata/Orders?$orderby=Id desc&$top=3");

        response.Rows.Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(300, 299, 298);
    }

    [Fact]
    public async Task Get_WithEncodedCommaInSelect_ReturnsOnlySelectedPropertiesAndContext()
    {
        var response = await _client.GetODataAsync("odata/Orders?$select=Product%2CId&$top=2");

        response.Json.GetProperty("@odata.context").GetString().Should().Be(fixture.Server.BaseAddress + "odata/$metadata#Orders(Product,Id)");
        response.Rows.Should().HaveCount(2).And.OnlyContain(r => r.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "Product", "Id" }));
    }

    [Fact]
    public async Task Get_WithoutSelect_WritesEveryPropertyOnEveryRowIncludingNulls()
    {
        var pages = await _client.GetAllPagesAsync("odata/Orders");

        string[] all = ["Id", "CustomerId", "Product", "Note", "Amount", "Quantity", "Price", "Paid", "OrderDate", "ShippedAt"];
        var rows = pages.SelectMany(p => p.Rows).ToList();
        rows.Should().HaveCount(TestDatabase.OrderCount);
        rows.Should().OnlyContain(r => r.EnumerateObject().Select(p => p.Name).SequenceEqual(all));
        rows.Count(r => r.GetProperty("Note").ValueKind == System.Text.Json.JsonValueKind.Null)
            .Should().Be(fixture.Database.Orders.Count(o => o.Note is null));
        pages[0].Json.GetProperty("@odata.context").GetString().Should().Be(fixture.Server.BaseAddress + "odata/$metadata#Orders");
    }

    [Fact]
    public async Task Get_WithOmitNullsPreference_OmitsNullsAndSaysSo()
    {
        var response = await _client.GetODataAsync("odata/Orders?$filter=Id eq 3", ("Prefer", "omit-values=nulls"));

        response.Header("Preference-Applied").Should().Equal("omit-values=nulls");
        var row = response.Rows.Should().ContainSingle().Subject;
        row.TryGetProperty("Note", out _).Should().BeFalse();
        row.GetProperty("Product").GetString().Should().Be("Gizmo");
    }

    [Fact]
    public async Task Get_WithoutOmitNullsPreference_SendsNoPreferenceApplied()
    {
        var response = await _client.GetODataAsync("odata/Orders?$filter=Id eq 3");

        response.Header("Preference-Applied").Should().BeEmpty();
        response.Rows.Single().GetProperty("Note").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Get_Values_AreWrittenWithTheirJsonTypes()
    {
        var response = await _client.GetODataAsync("odata/Orders(2)");

        var row = response.Json;
        row.GetProperty("Id").GetInt64().Should().Be(2);
        row.GetProperty("Amount").GetDouble().Should().Be(3.0);
        row.GetProperty("Quantity").GetInt32().Should().Be(2);
        row.GetProperty("Price").GetDecimal().Should().Be(0.5m);
        row.GetProperty("Paid").GetBoolean().Should().BeTrue();
        row.GetProperty("OrderDate").GetString().Should().Be("2024-01-03");
        row.GetProperty("ShippedAt").GetString().Should().Be("2024-01-01T14:00:00.0000000Z");
        row.GetProperty("Product").GetString().Should().Be("Gadget");
    }
}
