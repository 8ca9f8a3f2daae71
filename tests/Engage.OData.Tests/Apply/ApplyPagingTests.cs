using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Apply;

/// <summary>Server paging of aggregated results: next links carry $apply and a skip token bound to it.</summary>
public sealed class ApplyPagingTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private const string Grouped = "odata/Orders?$apply=groupby((CustomerId,Paid),aggregate(Amount with sum as Total))&$orderby=Total desc&$count=true";

    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task NextLinks_OfAnAggregatedResult_ReturnEveryGroupOnceInOrder()
    {
        var expected = fixture.Database.Orders.GroupBy(o => (o.CustomerId, o.Paid))
            .Select(g => (g.Key.CustomerId, g.Key.Paid, Total: g.Sum(o => o.Amount)))
            .OrderByDescending(g => g.Total).ThenBy(g => g.CustomerId).ThenBy(g => g.Paid).ToList();

        var pages = await _client.GetAllPagesAsync(Grouped, ("Prefer", "odata.maxpagesize=7"));

        pages.Should().HaveCount((expected.Count + 6) / 7);
        pages[0].Header("Preference-Applied").Should().Equal("odata.maxpagesize=7");
        pages[0].NextLink.Should().StartWith(fixture.Server.BaseAddress + "odata/Orders?").And.Contain("$apply=groupby").And.Contain("$skiptoken=");
        pages.Should().OnlyContain(p => p.Json.GetProperty("@odata.count").GetInt64() == expected.Count);
        pages.SelectMany(p => p.Rows).Select(r => (r.GetProperty("CustomerId").GetInt64(), r.GetProperty("Paid").GetBoolean(), r.GetProperty("Total").GetDouble()))
            .Should().Equal(expected);
    }

    [Fact]
    public async Task NextLinks_WithTop_CarryTheRemainingTop()
    {
        var pages = await _client.GetAllPagesAsync("odata/Orders?$apply=groupby((CustomerId,Paid))&$top=15&$skip=2", ("Prefer", "odata.maxpagesize=10"));

        pages.Select(p => p.Rows.Count).Should().Equal(10, 5);
        pages[0].NextLink.Should().Contain("$top=5");
    }

    [Fact]
    public async Task SkipToken_ReusedWithAnotherApply_Answers400()
    {
        var first = await _client.GetODataAsync(Grouped, ("Prefer", "odata.maxpagesize=5"));
        var token = first.NextLink![(first.NextLink!.IndexOf("$skiptoken=", StringComparison.Ordinal) + 11)..];

        var reused = await _client.GetODataAsync("odata/Orders?$apply=groupby((CustomerId),aggregate(Amount with sum as Total))&$orderby=Total desc&$count=true&$skiptoken=" + token);
        var plain = await _client.GetODataAsync("odata/Orders?$orderby=Total desc&$count=true&$skiptoken=" + token);

        reused.Status.Should().Be(HttpStatusCode.BadRequest, reused.Body);
        plain.Status.Should().Be(HttpStatusCode.BadRequest, plain.Body);
    }
}
