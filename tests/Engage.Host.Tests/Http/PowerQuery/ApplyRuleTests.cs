using System.Globalization;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// <c>$apply</c> as Power Query meets it (odata-for-bi.md §0 rules 8 and 12): aggregated rows carry undeclared
/// aliases under a context URL Excel accepts, and an <c>$apply</c> URL an analyst pastes into <c>OData.Feed</c>
/// (percent-encoded, paged by the server) answers every group once.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ApplyRuleTests(PowerQueryDemoFixture demo)
{
    [Theory]
    [InlineData("groupby((Network%2CKind)%2Caggregate(%24count%20as%20Total))", "Interactions(Network,Kind,Total)", new[] { "Network", "Kind", "Total" })]
    [InlineData("groupby((Account%2FNetwork)%2Caggregate(ResponseSeconds%20with%20average%20as%20AverageSeconds))", "Interactions(Account(Network),AverageSeconds)", new[] { "Account", "AverageSeconds" })]
    [InlineData("aggregate(%24count%20as%20Total%2CContactId%20with%20countdistinct%20as%20People)", "Interactions(Total,People)", new[] { "Total", "People" })]
    public async Task Rule08_AggregatedRows_CarryTheirAliasesUnderAContextListingThem(string apply, string expectedContext, string[] properties)
    {
        var json = await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?%24apply=" + apply);

        json.GetProperty("@odata.context").GetString().Should().Be("http://localhost/odata/$metadata#" + expectedContext);
        var rows = json.GetProperty("value").EnumerateArray().ToList();
        rows.Should().NotBeEmpty();
        foreach (var row in rows)
        {
            row.EnumerateObject().Select(p => p.Name).Should().Equal(properties, "every grouped property and alias is on every row, and nothing else");
        }
    }

    [Fact]
    public async Task Rule12_PastedApplyUrl_IsPagedByTheServerAndCountsEveryInteractionOnce()
    {
        var total = long.Parse((await PowerQueryClient.SendAsync(demo, "/odata/Interactions/$count")).Body, CultureInfo.InvariantCulture);

        var pages = await PowerQueryClient.ReadAllPagesAsync(
            demo, "/odata/Interactions?%24apply=groupby((ContactId)%2Caggregate(%24count%20as%20Interactions))&%24orderby=Interactions%20desc");

        pages.Count.Should().BeGreaterThan(1, $"the demo has more contacts than a page of {PowerQueryDemoFixture.PageSize} holds");
        var rows = pages.SelectMany(p => p.GetProperty("value").EnumerateArray()).ToList();
        rows.Select(r => r.GetProperty("ContactId").ToString()).Should().OnlyHaveUniqueItems("each group comes once across the pages");
        rows.Sum(r => r.GetProperty("Interactions").GetInt64()).Should().Be(total);
        rows.Select(r => r.GetProperty("Interactions").GetInt64()).Should().BeInDescendingOrder();
    }
}
