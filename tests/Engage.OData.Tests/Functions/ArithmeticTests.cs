using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Functions;

public sealed class ArithmeticTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly Dictionary<string, Func<OrderRow, bool>> Cases = new()
    {
        ["Quantity add 1 eq 5"] = o => o.Quantity + 1 == 5,
        ["Quantity sub 3 lt 0"] = o => o.Quantity - 3 < 0,
        ["Quantity mul 2 gt 10"] = o => o.Quantity * 2 > 10,
        ["Quantity div 2 eq 2"] = o => o.Quantity / 2 == 2,
        ["Id div 7 eq 3"] = o => o.Id / 7 == 3,
        ["Quantity div 4.0 eq 0.5"] = o => o.Quantity / 4.0 == 0.5,
        ["Amount div 4 eq 0.375"] = o => o.Amount / 4 == 0.375,
        ["Amount div 2 gt Quantity"] = o => o.Amount / 2 > o.Quantity,
        ["Quantity mod 3 eq 1"] = o => o.Quantity % 3 == 1,
        ["Amount mod 4 eq 1.5"] = o => o.Amount % 4 == 1.5,
        ["Amount mod 4 eq 0.5"] = o => o.Amount % 4 == 0.5,
        ["Price add 1 gt 10"] = o => o.Price + 1 > 10,
        ["not (Price add 1 gt 10)"] = o => !(o.Price + 1 > 10),
        ["Price mul 2 eq null"] = o => o.Price is null,
        ["Price sub Quantity gt 70"] = o => o.Price - o.Quantity > 70,
        ["-Quantity eq -3"] = o => -o.Quantity == -3,
        ["-Price lt -50"] = o => -o.Price < -50,
        ["round(Amount) eq 2"] = o => Math.Round(o.Amount, MidpointRounding.AwayFromZero) == 2,
        ["round(Amount) eq 5"] = o => Math.Round(o.Amount, MidpointRounding.AwayFromZero) == 5,
        ["floor(Amount) eq 4"] = o => Math.Floor(o.Amount) == 4,
        ["ceiling(Amount) eq 5"] = o => Math.Ceiling(o.Amount) == 5,
        ["ceiling(Amount) eq 3"] = o => Math.Ceiling(o.Amount) == 3,
        ["round(Price) eq 3"] = o => o.Price is { } p && Math.Round(p, MidpointRounding.AwayFromZero) == 3,
        ["floor(Price) eq 2"] = o => o.Price is { } p && Math.Floor(p) == 2,
        ["floor(Price div 10) eq 1"] = o => o.Price is { } p && Math.Floor(p / 10) == 1,
        ["(Quantity add 2) mul 3 sub 1 eq 20"] = o => ((o.Quantity + 2) * 3) - 1 == 20,
        ["Quantity div 0 eq null"] = o => true,
        ["QUANTITY ADD 1 EQ 5"] = o => o.Quantity + 1 == 5,
    };

    private readonly HttpClient _client = fixture.Server.Client;

    public static TheoryData<string> Filters => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Get_WithArithmetic_ReturnsExactlyTheMatchingRows(string filter)
    {
        var expected = fixture.Database.Orders.Where(Cases[filter]).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?$filter=" + Uri.EscapeDataString(filter));

        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithArithmeticInOrderBy_SortsByItsValueThenByKey()
    {
        var expected = fixture.Database.Orders
            .OrderBy(o => o.Quantity % 3).ThenByDescending(o => o.Amount / 2).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?$orderby=Quantity mod 3,Amount div 2 desc&$select=Id");

        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithPercentEncodedArithmetic_FindsTheSameRows()
    {
        var expected = fixture.Database.Orders.Where(o => o.Quantity + 1 == 5).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?%24filter=Quantity%20add%201%20eq%205");

        ids.Should().Equal(expected);
    }
}
