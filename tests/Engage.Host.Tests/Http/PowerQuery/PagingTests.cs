using System.Globalization;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// Server-driven paging as Power Query follows it, without <c>Prefer: odata.maxpagesize</c> (odata-for-bi.md §0 rule 6,
/// §2.4, and the §2.5 row "data missing/failing after $expand on Load but not in Preview").
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class PagingTests(PowerQueryDemoFixture demo)
{
    [Fact]
    public async Task Rule06_NextLinks_AreAbsoluteRepeatEveryOptionAndReturnEveryRowOnceInOrder()
    {
        const string Filter = "Direction eq 'Inbound'";
        var total = long.Parse((await PowerQueryClient.SendAsync(demo, "/odata/Interactions/$count?$filter=" + Uri.EscapeDataString(Filter))).Body,
            CultureInfo.InvariantCulture);
        total.Should().BeGreaterThan(PowerQueryDemoFixture.PageSize, "the demo must be large enough to page");

        var pages = await PowerQueryClient.ReadAllPagesAsync(demo,
            "/odata/Interactions?%24filter=" + Uri.EscapeDataString(Filter) + "&%24select=Id%2CKind&%24orderby=Kind%20desc");

        pages.Count.Should().Be((int)((total + PowerQueryDemoFixture.PageSize - 1) / PowerQueryDemoFixture.PageSize));
        foreach (var page in pages.SkipLast(1))
        {
            page.GetProperty("value").GetArrayLength().Should().Be(PowerQueryDemoFixture.PageSize);
            var next = page.GetProperty("@odata.nextLink").GetString()!;
            next.Should().StartWith("http://localhost/odata/Interactions?");
            var decoded = Uri.UnescapeDataString(next);
            decoded.Should().Contain("$filter=" + Filter).And.Contain("$select=Id,Kind").And.Contain("$orderby=Kind desc").And.Contain("$skiptoken=");
        }

        var rows = pages.SelectMany(p => p.GetProperty("value").EnumerateArray())
            .Select(r => (Kind: r.GetProperty("Kind").GetString()!, Id: r.GetProperty("Id").GetInt64())).ToList();
        rows.Should().HaveCount((int)total);
        rows.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        rows.Should().BeInDescendingOrder(r => r.Kind, StringComparer.Ordinal);
        rows.GroupBy(r => r.Kind).Should().OnlyContain(g => g.Select(r => r.Id).SequenceEqual(g.Select(r => r.Id).Order()), "the key makes the order stable");
    }

    [Fact]
    public async Task Rule06_TopLargerThanAPage_IsCappedPerPageAndCarriedInTheNextLinks()
    {
        var top = (PowerQueryDemoFixture.PageSize * 2) + 7;

        var pages = await PowerQueryClient.ReadAllPagesAsync(demo, $"/odata/Interactions?$select=Id&$top={top}&$count=true");

        pages.Select(p => p.GetProperty("value").GetArrayLength()).Should().Equal(PowerQueryDemoFixture.PageSize, PowerQueryDemoFixture.PageSize, 7);
        var total = long.Parse((await PowerQueryClient.SendAsync(demo, "/odata/Interactions/$count")).Body, CultureInfo.InvariantCulture);
        pages[0].GetProperty("@odata.count").GetInt64().Should().Be(total, "the count ignores $top");
    }

    [Fact]
    public async Task Rule06_NoPreferHeader_NoPreferenceApplied()
    {
        var response = await PowerQueryClient.SendAsync(demo, "/odata/Interactions?$select=Id");

        response.Header("Preference-Applied").Should().BeEmpty();
        response.Json.GetProperty("value").GetArrayLength().Should().Be(PowerQueryDemoFixture.PageSize);
    }

    [Fact]
    public async Task Row_ExpandOnLoad_EveryPageKeepsTheExpansionAndTheSameContext()
    {
        var pages = await PowerQueryClient.ReadAllPagesAsync(demo, "/odata/Posts?$select=Id%2CText&$expand=Interactions($select=Id,PostId)");

        pages.Count.Should().BeGreaterThan(1, "the load reads past the preview's first page");
        pages.Select(p => p.GetProperty("@odata.context").GetString()).Distinct().Should().Equal(
            "http://localhost/odata/$metadata#Posts(Id,Text,Interactions(Id,PostId))");
        var posts = pages.SelectMany(p => p.GetProperty("value").EnumerateArray()).ToList();
        posts.Should().OnlyContain(p => p.GetProperty("Interactions").EnumerateArray()
            .All(i => i.GetProperty("PostId").GetInt64() == p.GetProperty("Id").GetInt64()));
        posts.Sum(p => p.GetProperty("Interactions").GetArrayLength()).Should().BePositive();
    }
}
