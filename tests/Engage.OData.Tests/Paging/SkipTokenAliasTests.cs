using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Paging;

/// <summary>The skip token is bound to the parameter aliases of the query: replayed with another alias value it answers 400.</summary>
public sealed class SkipTokenAliasTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private const string Filtered = "odata/Orders?$filter=Amount gt @a&$orderby=Amount&$select=Id,Amount&@a=100";
    private const string Grouped = "odata/Orders?$apply=groupby((CustomerId,Paid),aggregate(Amount with sum as Total))&$filter=Total gt @t&$orderby=Total desc&@t=1000";

    private static readonly (string, string) SmallPages = ("Prefer", "odata.maxpagesize=20");

    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task NextLinks_WithAnAlias_ReturnEveryRowOnceInOrder()
    {
        var expected = fixture.Database.Orders.Where(o => o.Amount > 100).OrderBy(o => o.Amount).ThenBy(o => o.Id).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync(Filtered, SmallPages);

        pages.Should().HaveCount((expected.Count + 19) / 20);
        pages[0].NextLink.Should().Contain("@a=100");
        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
    }

    [Fact]
    public async Task SkipToken_ReplayedWithAnotherAliasValue_Answers400()
    {
        var link = (await _client.GetODataAsync(Filtered, SmallPages)).NextLink!;

        var replayed = await _client.GetODataAsync(link.Replace("@a=100", "@a=200", StringComparison.Ordinal), SmallPages);
        var asGiven = await _client.GetODataAsync(link, SmallPages);

        replayed.Status.Should().Be(HttpStatusCode.BadRequest, replayed.Body);
        replayed.ErrorMessage.Should().Contain("$skiptoken");
        asGiven.Status.Should().Be(HttpStatusCode.OK, asGiven.Body);
    }

    [Fact]
    public async Task SkipToken_ReplayedWithTheAliasValuesSwapped_Answers400()
    {
        var link = (await _client.GetODataAsync(Filtered + "&@b=200", SmallPages)).NextLink!;

        var swapped = await _client.GetODataAsync(link.Replace("@a=100&@b=200", "@a=200&@b=100", StringComparison.Ordinal), SmallPages);

        link.Should().Contain("@a=100&@b=200");
        swapped.Status.Should().Be(HttpStatusCode.BadRequest, "each value is bound to its alias's name");
    }

    [Fact]
    public async Task SkipToken_WithTheSameAliasesInAnotherOrderOrEncoding_IsAccepted()
    {
        var link = (await _client.GetODataAsync(Filtered + "&@b=x", SmallPages)).NextLink!;

        var reordered = await _client.GetODataAsync(link.Replace("@a=100&@b=x", "@b=x&@a=%3100", StringComparison.Ordinal), SmallPages);

        link.Should().Contain("@a=100&@b=x");
        reordered.Status.Should().Be(HttpStatusCode.OK, reordered.Body);
    }

    [Fact]
    public async Task ApplyNextLinks_WithAnAlias_ReturnEveryGroupOnceAndRefuseAnotherAliasValue()
    {
        var expected = fixture.Database.Orders.GroupBy(o => (o.CustomerId, o.Paid)).Select(g => (g.Key.CustomerId, g.Key.Paid, Total: g.Sum(o => o.Amount)))
            .Where(g => g.Total > 1000).OrderByDescending(g => g.Total).ThenBy(g => g.CustomerId).ThenBy(g => g.Paid).Select(g => g.CustomerId).ToList();
        var pages = await _client.GetAllPagesAsync(Grouped, ("Prefer", "odata.maxpagesize=7"));
        var link = pages[0].NextLink!;

        var replayed = await _client.GetODataAsync(link.Replace("@t=1000", "@t=2000", StringComparison.Ordinal), ("Prefer", "odata.maxpagesize=7"));

        pages.Should().HaveCountGreaterThan(1);
        link.Should().Contain("@t=1000");
        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("CustomerId").GetInt64()).Should().Equal(expected);
        replayed.Status.Should().Be(HttpStatusCode.BadRequest, replayed.Body);
        replayed.ErrorMessage.Should().Contain("$skiptoken");
    }
}
