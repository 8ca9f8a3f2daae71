using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Functions;

public sealed class DateFunctionTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly Dictionary<string, Func<OrderRow, bool>> Cases = new()
    {
        ["year(OrderDate) eq 2024"] = o => o.OrderDate.Year == 2024,
        ["month(OrderDate) eq 2"] = o => o.OrderDate.Month == 2,
        ["day(OrderDate) eq 15"] = o => o.OrderDate.Day == 15,
        ["day(OrderDate) ge 28 and month(OrderDate) eq 1"] = o => o.OrderDate.Day >= 28 && o.OrderDate.Month == 1,
        ["year(ShippedAt) eq 2024 and month(ShippedAt) eq 2"] = o => o.ShippedAt?.Year == 2024 && o.ShippedAt?.Month == 2,
        ["month(ShippedAt) ne 2"] = o => o.ShippedAt?.Month != 2,
        ["day(ShippedAt) eq 3"] = o => o.ShippedAt?.Day == 3,
        ["hour(ShippedAt) eq 7"] = o => o.ShippedAt?.Hour == 7,
        ["hour(OrderDate) eq 0 and minute(OrderDate) eq 0"] = o => true,
        ["hour(ShippedAt) lt 4"] = o => o.ShippedAt?.Hour < 4,
        ["minute(ShippedAt) eq 0 and second(ShippedAt) eq 0"] = o => o.ShippedAt is not null,
        ["fractionalseconds(ShippedAt) eq 0"] = o => o.ShippedAt is not null,
        ["totaloffsetminutes(ShippedAt) eq 0"] = o => o.ShippedAt is not null,
        ["date(ShippedAt) eq 2024-01-03"] = o => o.ShippedAt is { } s && DateOnly.FromDateTime(s.UtcDateTime) == new DateOnly(2024, 1, 3),
        ["date(ShippedAt) eq OrderDate"] = o => o.ShippedAt is { } s && DateOnly.FromDateTime(s.UtcDateTime) == o.OrderDate,
        ["date(ShippedAt) lt 2024-01-10"] = o => o.ShippedAt is { } s && DateOnly.FromDateTime(s.UtcDateTime) < new DateOnly(2024, 1, 10),
        ["time(ShippedAt) lt 12:00:00"] = o => o.ShippedAt?.Hour < 12,
        ["time(ShippedAt) eq 07:00:00.0000000"] = o => o.ShippedAt?.TimeOfDay == TimeSpan.FromHours(7),
        ["ShippedAt lt now()"] = o => o.ShippedAt is not null,
        ["ShippedAt lt maxdatetime() and ShippedAt gt mindatetime()"] = o => o.ShippedAt is not null,
        ["YEAR(OrderDate) eq 2024 and Month(OrderDate) eq 1"] = o => o.OrderDate.Month == 1,
    };

    private readonly HttpClient _client = fixture.Server.Client;

    public static TheoryData<string> Filters => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Get_WithDateFunction_ReturnsExactlyTheMatchingRows(string filter)
    {
        var expected = fixture.Database.Orders.Where(Cases[filter]).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?$filter=" + Uri.EscapeDataString(filter));

        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithDatePartsOnDateColumnOfAnotherSet_MatchesTheStoredDates()
    {
        var expected = Enumerable.Range(1, TestDatabase.CustomerCount)
            .Where(i => new DateOnly(2023, 1, 1).AddDays(i) is { Month: 1, Day: > 10 }).Select(i => (long)i).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Customers?$filter=month(Joined) eq 1 and day(Joined) gt 10 and year(Joined) eq 2023");

        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithPercentEncodedDateFunction_FindsTheSameRows()
    {
        var expected = fixture.Database.Orders.Where(o => o.OrderDate.Month == 2).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?%24filter=month%28OrderDate%29%20eq%202");

        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithDateFunctionInOrderBy_SortsByItsValueThenByKey()
    {
        var expected = fixture.Database.Orders
            .OrderByDescending(o => o.OrderDate.Day).ThenBy(o => o.Id).Take(10).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?$orderby=day(OrderDate) desc&$top=10&$select=Id");

        ids.Should().Equal(expected);
    }
}
