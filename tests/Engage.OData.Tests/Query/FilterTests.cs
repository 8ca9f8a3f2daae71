using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Query;

public sealed class FilterTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly DateTimeOffset Feb1 = new(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Func<OrderRow, bool>> Cases = new()
    {
        ["Id eq 42"] = o => o.Id == 42,
        ["Id ne 42"] = o => o.Id != 42,
        ["Amount gt 300"] = o => o.Amount > 300,
        ["Amount ge 300"] = o => o.Amount >= 300,
        ["Quantity lt 3"] = o => o.Quantity < 3,
        ["Quantity le 3"] = o => o.Quantity <= 3,
        ["Amount gt 1.5e2"] = o => o.Amount > 150,
        ["Paid eq true and Quantity eq 5"] = o => o.Paid && o.Quantity == 5,
        ["Paid eq false or Id lt 10"] = o => !o.Paid || o.Id < 10,
        ["not (Paid eq true)"] = o => !o.Paid,
        ["(Id lt 10 or Id gt 290) and Paid"] = o => (o.Id < 10 || o.Id > 290) && o.Paid,
        ["not Paid"] = o => !o.Paid,
        ["Note eq null"] = o => o.Note is null,
        ["null eq Note"] = o => o.Note is null,
        ["Note ne null"] = o => o.Note is not null,
        ["Note ne 'note 1'"] = o => o.Note != "note 1",
        ["Price eq null"] = o => o.Price is null,
        ["Price gt 50"] = o => o.Price > 50,
        ["not (Price gt 50)"] = o => !(o.Price > 50),
        ["Price ge 10.5"] = o => o.Price >= 10.5m,
        ["Product eq 'Widget'"] = o => o.Product == "Widget",
        ["Product eq 'widget'"] = o => o.Product == "widget",
        ["Product ne 'Widget' and Product ne 'widget'"] = o => o.Product != "Widget" && o.Product != "widget",
        ["Product gt 'Gizmo'"] = o => string.CompareOrdinal(o.Product, "Gizmo") > 0,
        ["Note eq 'O''Brien''s order'"] = o => o.Note == "O'Brien's order",
        ["Product in ('Gadget','Gizmo')"] = o => o.Product is "Gadget" or "Gizmo",
        ["Note in ('note 1', null)"] = o => o.Note is null or "note 1",
        ["OrderDate eq 2024-01-15"] = o => o.OrderDate == new DateOnly(2024, 1, 15),
        ["OrderDate ge 2024-02-01 and OrderDate lt 2024-02-10"] = o => o.OrderDate >= new DateOnly(2024, 2, 1) && o.OrderDate < new DateOnly(2024, 2, 10),
        ["ShippedAt gt 2024-02-01T00:00:00Z"] = o => o.ShippedAt > Feb1,
        ["ShippedAt le 2024-02-01T00:00:00.0000000Z"] = o => o.ShippedAt <= Feb1,
        ["ShippedAt lt 2024-01-05T12:00:00%2B02:00"] = o => o.ShippedAt < new DateTimeOffset(2024, 1, 5, 10, 0, 0, TimeSpan.Zero),
        ["ShippedAt ge 2024-03-01"] = o => o.ShippedAt >= new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
        ["ShippedAt eq null and Paid"] = o => o.ShippedAt is null && o.Paid,
        ["CustomerId eq 3 and (Quantity eq 2 or Quantity eq 7)"] = o => o.CustomerId == 3 && (o.Quantity == 2 || o.Quantity == 7),
    };

    private readonly HttpClient _client = fixture.Server.Client;

    public static TheoryData<string> Filters => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Get_WithFilter_ReturnsExactlyTheMatchingRowsInKeyOrder(string filter)
    {
        var expected = fixture.Database.Orders.Where(Cases[filter]).Select(o => o.Id).ToList();

        var ids = await IdsAsync("odata/Orders?$filter=" + filter);

        ids.Should().Equal(expected);
    }

    [Theory]
    [InlineData("odata/Orders?%24filter=Id%20eq%205")]
    [InlineData("odata/Orders?$FILTER=Id EQ 5")]
    [InlineData("odata/Orders?filter=Id eq 5")]
    [InlineData("odata/Orders?$filter=Id%20eq%205&api_key=secret")]
    [InlineData("odata/orders?$filter=id eq 5")]
    [InlineData("odata/Orders?$filter=Id eq @id&@id=5")]
    public async Task Get_WithFilterSpelledDifferently_FindsTheSameRow(string url)
    {
        var ids = await IdsAsync(url);

        ids.Should().Equal(5);
    }

    [Fact]
    public async Task Get_WithCaseSensitiveEquality_DoesNotMatchOtherCase()
    {
        var upper = await IdsAsync("odata/Orders?$filter=Product eq 'WIDGET'");
        var exact = await IdsAsync("odata/Orders?$filter=Product eq 'Widget'");

        upper.Should().BeEmpty();
        exact.Should().NotBeEmpty().And.OnlyContain(id => fixture.Database.Orders[(int)id - 1].Product == "Widget");
    }

    [Fact]
    public async Task Get_WithDateTimeOffsetFilter_WritesValuesWithZ()
    {
        var response = await _client.GetODataAsync("odata/Orders?$filter=Id eq 1&$select=ShippedAt,OrderDate");

        var row = response.Rows.Should().ContainSingle().Subject;
        row.GetProperty("ShippedAt").GetString().Should().Be("2024-01-01T07:00:00.0000000Z");
        row.GetProperty("OrderDate").GetString().Should().Be("2024-01-02");
    }

    private async Task<List<long>> IdsAsync(string url)
    {
        var pages = await _client.GetAllPagesAsync(url);
        return [.. pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64())];
    }
}
