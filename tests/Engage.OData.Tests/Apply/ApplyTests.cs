using System.Globalization;
using System.Net;
using System.Text.Json;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Apply;

/// <summary>$apply through the real HTTP pipeline, each answer compared with LINQ over the generated orders.</summary>
public sealed class ApplyTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private IReadOnlyList<OrderRow> Orders => fixture.Database.Orders;

    [Fact]
    public async Task Get_GroupByWithEveryAggregate_MatchesLinq()
    {
        var response = await _client.GetODataAsync(
            "odata/Orders?$apply=groupby((Product),aggregate($count as Count,Amount with sum as Total,Amount with average as Mean," +
            "Quantity with min as Fewest,Quantity with max as Most,CustomerId with countdistinct as Customers))");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Json.GetProperty("@odata.context").GetString().Should().EndWith("$metadata#Orders(Product,Count,Total,Mean,Fewest,Most,Customers)");
        var expected = Orders.GroupBy(o => o.Product).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        response.Rows.Select(r => r.GetProperty("Product").GetString()).Should().Equal(expected.Select(g => g.Key));
        foreach (var (row, group) in response.Rows.Zip(expected))
        {
            row.GetProperty("Count").GetInt64().Should().Be(group.Count());
            row.GetProperty("Total").GetDouble().Should().BeApproximately(group.Sum(o => o.Amount), 1e-9);
            row.GetProperty("Mean").GetDouble().Should().BeApproximately(group.Average(o => o.Amount), 1e-9);
            row.GetProperty("Fewest").GetInt64().Should().Be(group.Min(o => o.Quantity));
            row.GetProperty("Most").GetInt64().Should().Be(group.Max(o => o.Quantity));
            row.GetProperty("Customers").GetInt64().Should().Be(group.Select(o => o.CustomerId).Distinct().Count());
            row.EnumerateObject().Select(p => p.Name).Should().NotContain(n => n.StartsWith('@'), "aggregated rows are plain objects");
        }
    }

    [Fact]
    public async Task Get_AggregateWithoutGroupBy_AnswersOneRow()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=aggregate($count as N,Quantity with sum as Items)");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Json.GetProperty("@odata.context").GetString().Should().EndWith("#Orders(N,Items)");
        response.Rows.Should().ContainSingle();
        response.Rows[0].GetProperty("N").GetInt64().Should().Be(Orders.Count);
        response.Rows[0].GetProperty("Items").ValueKind.Should().Be(JsonValueKind.Number);
        response.Rows[0].GetProperty("Items").GetRawText().Should().Be(Orders.Sum(o => o.Quantity).ToString(CultureInfo.InvariantCulture), "an integer sum is written as an integer");
    }

    [Fact]
    public async Task Get_GroupByWithoutAggregate_AnswersDistinctValuesInOrder()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=groupby((Product,Paid))");

        var expected = Orders.Select(o => (o.Product, o.Paid)).Distinct().OrderBy(p => p.Product, StringComparer.Ordinal).ThenBy(p => p.Paid).ToList();
        response.Rows.Select(r => (r.GetProperty("Product").GetString()!, r.GetProperty("Paid").GetBoolean())).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_GroupByNullableProperty_GroupsNullsFirstAndWritesThem()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=filter(Id le 12)/groupby((Price),aggregate($count as N))");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Rows[0].GetProperty("Price").ValueKind.Should().Be(JsonValueKind.Null);
        response.Rows[0].GetProperty("N").GetInt64().Should().Be(Orders.Count(o => o.Id <= 12 && o.Price is null));
        response.Rows.Should().HaveCount(Orders.Where(o => o.Id <= 12).Select(o => o.Price).Distinct().Count());
    }

    [Fact]
    public async Task Get_AggregatesOverNoValues_AreNullExceptCounts()
    {
        var response = await _client.GetODataAsync(
            "odata/Orders?$apply=filter(Price eq null)/aggregate(Price with sum as S,Price with average as A,Price with max as M,Price with countdistinct as D,$count as N)");

        var row = response.Rows.Should().ContainSingle().Subject;
        row.GetProperty("S").ValueKind.Should().Be(JsonValueKind.Null);
        row.GetProperty("A").ValueKind.Should().Be(JsonValueKind.Null);
        row.GetProperty("M").ValueKind.Should().Be(JsonValueKind.Null);
        row.GetProperty("D").GetInt64().Should().Be(0);
        row.GetProperty("N").GetInt64().Should().Be(Orders.Count(o => o.Price is null));
    }

    [Fact]
    public async Task Get_AverageOfIntegers_IsFractional()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=filter(Id le 3)/aggregate(Quantity with average as A,Price with average as P)");

        var row = response.Rows.Should().ContainSingle().Subject;
        row.GetProperty("A").GetDouble().Should().Be(2.0);
        row.GetProperty("P").GetDecimal().Should().Be((0.25m + 0.5m + 0.75m) / 3);
    }

    [Fact]
    public async Task Get_EmptyFilteredAggregate_StillAnswersOneRow()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=filter(Amount lt 0)/aggregate($count as N)");

        response.Rows.Should().ContainSingle().Which.GetProperty("N").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task Get_GroupByAlongNavigation_WritesNestedObjectsAndContext()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=groupby((Customer/Name,Customer/Active),aggregate(Amount with sum as Total))&$orderby=Total desc&$top=3");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Json.GetProperty("@odata.context").GetString().Should().EndWith("#Orders(Customer(Name,Active),Total)");
        var expected = Orders.GroupBy(o => o.CustomerId).Select(g => (Name: $"Customer {g.Key}", Active: g.Key % 2 == 1, Total: g.Sum(o => o.Amount)))
            .OrderByDescending(g => g.Total).Take(3).ToList();
        response.Rows.Select(r => r.GetProperty("Customer").GetProperty("Name").GetString()).Should().Equal(expected.Select(e => e.Name));
        response.Rows.Select(r => r.GetProperty("Customer").GetProperty("Active").GetBoolean()).Should().Equal(expected.Select(e => e.Active));
        response.Rows.Select(r => r.GetProperty("Total").GetDouble()).Should().Equal(expected.Select(e => e.Total));
    }

    [Fact]
    public async Task Get_FilterAndOrderByOnANavigationGroupPropertyAfterApply_UseTheGroupColumn()
    {
        var response = await _client.GetODataAsync(
            "odata/Orders?$apply=groupby((Customer/Name),aggregate($count as N))&$filter=Customer/Name ne 'Customer 3'&$orderby=Customer/Name desc&$count=true");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var expected = Orders.GroupBy(o => $"Customer {o.CustomerId}").Where(g => g.Key != "Customer 3").OrderByDescending(g => g.Key, StringComparer.Ordinal).ToList();
        response.Json.GetProperty("@odata.count").GetInt64().Should().Be(expected.Count);
        response.Rows.Select(r => (r.GetProperty("Customer").GetProperty("Name").GetString(), r.GetProperty("N").GetInt32()))
            .Should().Equal(expected.Select(g => ((string?)g.Key, g.Count())));
    }

    [Fact]
    public async Task Get_FilterBeforeAndAfterGrouping_WithOrderByAliasTopAndCount()
    {
        var response = await _client.GetODataAsync(
            "odata/Orders?$apply=filter(Paid)/groupby((CustomerId),aggregate(Amount with sum as Total))/filter(Total gt 1000)&$orderby=Total desc&$top=2&$count=true");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var groups = Orders.Where(o => o.Paid).GroupBy(o => o.CustomerId).Select(g => (Id: g.Key, Total: g.Sum(o => o.Amount))).Where(g => g.Total > 1000).ToList();
        response.Json.GetProperty("@odata.count").GetInt64().Should().Be(groups.Count);
        response.Rows.Select(r => r.GetProperty("CustomerId").GetInt64()).Should().Equal(groups.OrderByDescending(g => g.Total).Take(2).Select(g => g.Id));
    }

    [Fact]
    public async Task Get_FilterAndOrderByOnGroupPropertyAndAliasAfterApply_ApplyToTheAggregatedRows()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=groupby((CustomerId),aggregate($count as N))&$filter=N ge 15 and CustomerId lt 18&$orderby=N desc,CustomerId desc&$skip=1");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var expected = Orders.GroupBy(o => o.CustomerId).Select(g => (Id: g.Key, N: g.Count())).Where(g => g.N >= 15 && g.Id < 18)
            .OrderByDescending(g => g.N).ThenByDescending(g => g.Id).Skip(1).ToList();
        response.Rows.Select(r => (r.GetProperty("CustomerId").GetInt64(), r.GetProperty("N").GetInt32())).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_ComputeBeforeGroupBy_GroupsByTheAlias()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=compute(month(OrderDate) as Month,Amount mul 2 as Twice)/groupby((Month),aggregate(Twice with sum as Total))&$orderby=Month desc");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Json.GetProperty("@odata.context").GetString().Should().EndWith("#Orders(Month,Total)");
        var expected = Orders.GroupBy(o => o.OrderDate.Month).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Sum(o => o.Amount * 2))).ToList();
        response.Rows.Select(r => (r.GetProperty("Month").GetInt32(), r.GetProperty("Total").GetDouble())).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_ComputeAfterAggregate_KeepsFractions()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=aggregate(Amount with sum as Total)/compute(Total div 4 as Quarter,Total add 1 as More)&$filter=Quarter gt 2");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var total = Orders.Sum(o => o.Amount);
        var row = response.Rows.Should().ContainSingle().Subject;
        row.GetProperty("Quarter").GetDouble().Should().Be(total / 4);
        row.GetProperty("More").GetDouble().Should().Be(total + 1);
    }

    [Fact]
    public async Task Get_GroupByOfAGroupBy_AggregatesTheAggregatedRows()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=groupby((CustomerId),aggregate($count as N))/groupby((N),aggregate($count as Customers))");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var expected = Orders.GroupBy(o => o.CustomerId).GroupBy(g => g.Count()).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        response.Rows.Select(r => (r.GetProperty("N").GetInt32(), r.GetProperty("Customers").GetInt32())).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_FilterOnlyApply_AnswersTheEntities()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=filter(Product eq 'Gizmo')&$orderby=Amount desc&$top=2&$count=true");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Json.GetProperty("@odata.context").GetString().Should().EndWith("#Orders");
        response.Json.GetProperty("@odata.count").GetInt64().Should().Be(Orders.Count(o => o.Product == "Gizmo"));
        response.Rows.Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(Orders.Where(o => o.Product == "Gizmo").OrderByDescending(o => o.Amount).Take(2).Select(o => o.Id));
        response.Rows[0].EnumerateObject().Should().HaveCount(10, "every property of an Order");
    }

    [Fact]
    public async Task Get_CountSegmentWithApply_CountsTheAggregatedRows()
    {
        var response = await _client.GetODataAsync("odata/Orders/$count?$apply=groupby((Product,Paid))");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Body.Should().Be(Orders.Select(o => (o.Product, o.Paid)).Distinct().Count().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Get_Ieee754Compatible_WritesCountsAsStrings()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=aggregate($count as N)", ("Accept", "application/json;IEEE754Compatible=true"));

        response.Rows[0].GetProperty("N").GetString().Should().Be(Orders.Count.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Get_RowScope_AggregatesOnlyScopedRows()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=groupby((Product),aggregate($count as N))&$count=true", (ODataTestServer.WorkspaceHeader, "2"));

        var expected = Orders.Where(o => o.WorkspaceId == 2).GroupBy(o => o.Product).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count());
        response.Rows.Select(r => r.GetProperty("N").GetInt32()).Should().Equal(expected);
    }
}
