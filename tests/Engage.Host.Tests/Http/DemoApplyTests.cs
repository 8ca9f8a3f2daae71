using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Engage.Host.Tests.Http;

/// <summary>
/// Five <c>$apply</c> URLs an analyst would paste into Excel or Power BI (<c>OData.Feed</c>), run through the real host on
/// the demo workspace; each answer is checked against plain queries over the same data. The README quotes <see cref="Urls"/>.
/// </summary>
public sealed class DemoApplyTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    /// <summary>The five analyst URLs (relative to the service root's host), each with a one-line description.</summary>
    public static readonly (string Url, string Description)[] Urls =
    [
        ("/odata/Interactions?$apply=filter(Direction eq 'Inbound')/groupby((Network,Kind),aggregate($count as Interactions,ContactId with countdistinct as Contacts))&$orderby=Interactions desc",
            "Inbound interactions and distinct people per network and kind, busiest first."),
        ("/odata/Interactions?$apply=compute(year(CreatedAt) as Year,month(CreatedAt) as Month)/groupby((Year,Month,Network),aggregate($count as Interactions))&$orderby=Year,Month,Network",
            "Interactions per month and network (a time series for a line chart)."),
        ("/odata/Interactions?$apply=filter(ResponseSeconds ne null)/groupby((Account/Network,Account/Handle),aggregate(ResponseSeconds with average as AverageResponseSeconds,ResponseSeconds with max as SlowestResponseSeconds,$count as Answered))&$orderby=AverageResponseSeconds desc",
            "Average and slowest response time per account, slowest account first."),
        ("/odata/Interactions?$apply=filter(PostId ne null)/groupby((PostId,Post/Kind),aggregate($count as Interactions,ContactId with countdistinct as People))&$orderby=Interactions desc&$top=10",
            "The ten posts that drew the most interactions, with how many different people reacted."),
        ("/odata/Posts?$apply=groupby((Network,Kind),aggregate($count as Posts,Engagements with sum as TotalEngagements,Engagements with average as AverageEngagements))&$orderby=TotalEngagements desc",
            "Engagements per network and post kind: totals and the average per post."),
    ];

    private static readonly string[] Networks = ["mastodon", "bluesky", "instagram"];

    [Fact]
    public async Task InboundPerNetworkAndKind_AddsUpToTheInboundCount()
    {
        var json = await GetJsonAsync(Urls[0].Url);

        json.GetProperty("@odata.context").GetString().Should().EndWith("/odata/$metadata#Interactions(Network,Kind,Interactions,Contacts)");
        var rows = Rows(json);
        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(r => Networks.Contains(r.GetProperty("Network").GetString()) && r.GetProperty("Kind").GetString()!.Length > 0);
        rows.Should().OnlyContain(r => r.GetProperty("Contacts").GetInt64() <= r.GetProperty("Interactions").GetInt64());
        rows.Select(r => r.GetProperty("Interactions").GetInt64()).Should().BeInDescendingOrder();
        rows.Sum(r => r.GetProperty("Interactions").GetInt64()).Should().Be(await CountAsync("/odata/Interactions/$count?$filter=Direction eq 'Inbound'"));
        var comments = rows.Where(r => r.GetProperty("Kind").GetString() == "Comment").ToList();
        comments.Should().NotBeEmpty("the demo has comments on posts");
        foreach (var row in comments)
        {
            var network = row.GetProperty("Network").GetString();
            row.GetProperty("Interactions").GetInt64().Should().Be(
                await CountAsync($"/odata/Interactions/$count?$filter=Direction eq 'Inbound' and Kind eq 'Comment' and Network eq '{network}'"));
        }
    }

    [Fact]
    public async Task PerMonthAndNetwork_IsAnOrderedTimeSeriesCoveringEveryInteraction()
    {
        var json = await GetJsonAsync(Urls[1].Url);

        var rows = Rows(json);
        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(r => r.GetProperty("Month").GetInt32() >= 1 && r.GetProperty("Month").GetInt32() <= 12 && r.GetProperty("Year").GetInt32() >= 2000);
        var keys = rows.Select(r => (r.GetProperty("Year").GetInt32() * 100) + r.GetProperty("Month").GetInt32()).ToList();
        keys.Should().BeInAscendingOrder();
        rows.Sum(r => r.GetProperty("Interactions").GetInt64()).Should().Be(await CountAsync("/odata/Interactions/$count"));
    }

    [Fact]
    public async Task ResponseTimePerAccount_WritesTheAccountAsANestedObject()
    {
        var json = await GetJsonAsync(Urls[2].Url);

        json.GetProperty("@odata.context").GetString().Should().EndWith(
            "#Interactions(Account(Network,Handle),AverageResponseSeconds,SlowestResponseSeconds,Answered)");
        var rows = Rows(json);
        rows.Should().NotBeEmpty("the demo answers some interactions");
        rows.Should().OnlyContain(r => Networks.Contains(r.GetProperty("Account").GetProperty("Network").GetString())
            && r.GetProperty("Account").GetProperty("Handle").GetString()!.Length > 0);
        rows.Should().OnlyContain(r => r.GetProperty("AverageResponseSeconds").GetDouble() >= 0
            && r.GetProperty("AverageResponseSeconds").GetDouble() <= r.GetProperty("SlowestResponseSeconds").GetInt64());
        rows.Select(r => r.GetProperty("AverageResponseSeconds").GetDouble()).Should().BeInDescendingOrder();
        rows.Sum(r => r.GetProperty("Answered").GetInt64()).Should().Be(await CountAsync("/odata/Interactions/$count?$filter=ResponseSeconds ne null"));
    }

    [Fact]
    public async Task TopPosts_MatchTheirInteractionCounts()
    {
        var json = await GetJsonAsync(Urls[3].Url);

        var rows = Rows(json);
        rows.Should().HaveCount(10);
        rows.Select(r => r.GetProperty("Interactions").GetInt64()).Should().BeInDescendingOrder();
        rows.Should().OnlyContain(r => r.GetProperty("People").GetInt64() <= r.GetProperty("Interactions").GetInt64()
            && r.GetProperty("Post").GetProperty("Kind").GetString()!.Length > 0);
        var top = rows[0];
        top.GetProperty("Interactions").GetInt64().Should().Be(await CountAsync($"/odata/Posts({top.GetProperty("PostId").GetInt64()})/Interactions/$count"));
        var busiest = await GetJsonAsync("/odata/Interactions?$apply=groupby((PostId),aggregate($count as N))&$filter=PostId ne null&$orderby=N desc&$top=1");
        Rows(busiest)[0].GetProperty("N").GetInt64().Should().Be(top.GetProperty("Interactions").GetInt64());
    }

    [Fact]
    public async Task EngagementsPerNetworkAndPostKind_AddUpToThePosts()
    {
        var json = await GetJsonAsync(Urls[4].Url);

        var rows = Rows(json);
        rows.Should().NotBeEmpty();
        rows.Sum(r => r.GetProperty("Posts").GetInt64()).Should().Be(await CountAsync("/odata/Posts/$count"));
        var first = rows[0];
        var network = first.GetProperty("Network").GetString();
        var kind = first.GetProperty("Kind").GetString();
        var posts = Rows(await GetJsonAsync($"/odata/Posts?$filter=Network eq '{network}' and Kind eq '{kind}'&$select=Engagements"))
            .Select(p => p.GetProperty("Engagements")).Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt64()).ToList();
        first.GetProperty("TotalEngagements").GetInt64().Should().Be(posts.Sum()).And.BePositive();
        first.GetProperty("AverageEngagements").GetDouble().Should().BeApproximately(posts.Average(), 1e-9);
    }

    [Fact]
    public async Task AnalystUrls_AnswerWithTheHeadersPowerQuerySends()
    {
        foreach (var (url, _) in Urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url.Replace(" ", "%20", StringComparison.Ordinal));
            request.Headers.TryAddWithoutValidation("Accept", "application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,*/*;q=0.1");
            request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
            request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=3");
            using var response = await demo.Client.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            response.Headers.GetValues("OData-Version").Should().Equal("4.0");
        }
    }

    private static List<JsonElement> Rows(JsonElement json) => [.. json.GetProperty("value").EnumerateArray()];

    private async Task<long> CountAsync(string url) =>
        long.Parse(await demo.Client.GetStringAsync(url), CultureInfo.InvariantCulture);

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await demo.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, url + ": " + body);
        return JsonDocument.Parse(body).RootElement;
    }
}
