using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// Query options in the forms Power Query folds them into (odata-for-bi.md §2.3): percent-encoded names and commas,
/// <c>%2B</c> in DateTimeOffset offsets, Edm.Date and TimeOfDay filters, list membership, sorting and ranges, and long
/// URLs (the §2.5 rows "401/404 on long URLs" and "TimeOfDay filter not folded").
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class QueryFoldingTests(PowerQueryDemoFixture demo)
{
    [Fact]
    public async Task Encoded_DollarNamesAndCommas_AnswerExactlyLikeThePlainForms()
    {
        const string Encoded = "/odata/Interactions?%24filter=Kind%20eq%20%27Comment%27&%24select=Id%2CKind%2CCreatedAt&%24orderby=CreatedAt%20desc%2CId&%24top=7";
        const string Plain = "/odata/Interactions?$filter=Kind eq 'Comment'&$select=Id,Kind,CreatedAt&$orderby=CreatedAt desc,Id&$top=7";

        var encoded = await PowerQueryClient.SendAsync(demo, Encoded);
        var plain = await PowerQueryClient.SendAsync(demo, Plain);

        encoded.RequestUri!.OriginalString.Should().Contain("%24filter").And.Contain("%2C", "the request really went out encoded");
        encoded.Status.Should().Be(HttpStatusCode.OK, encoded.Body);
        encoded.Body.Should().Be(plain.Body);
        var rows = encoded.Json.GetProperty("value").EnumerateArray().ToList();
        rows.Should().HaveCount(7).And.OnlyContain(r => r.GetProperty("Kind").GetString() == "Comment");
        encoded.Json.GetProperty("@odata.context").GetString().Should().EndWith("#Interactions(Id,Kind,CreatedAt)");
    }

    [Fact]
    public async Task Encoded_PlusInDateTimeOffsetOffset_IsTheOffset()
    {
        var plus = await CountAsync("/odata/Interactions/$count?$filter=CreatedAt%20ge%202025-06-01T02:00:00%2B02:00");
        var utc = await CountAsync("/odata/Interactions/$count?$filter=CreatedAt%20ge%202025-06-01T00:00:00Z");
        var minus = await CountAsync("/odata/Interactions/$count?$filter=CreatedAt%20ge%202025-05-31T22:00:00-02:00");

        plus.Should().Be(utc).And.Be(minus);
    }

    [Fact]
    public async Task Encoded_UnencodedPlusInOffset_IsABadRequestNotAServerError()
    {
        var response = await PowerQueryClient.SendAsync(demo, "/odata/Interactions?$filter=CreatedAt%20ge%202025-06-01T02:00:00+02:00");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Body.Should().Contain("\"error\"");
    }

    [Fact]
    public async Task Row_TimeOfDayFilter_FoldsIntoTheQuery()
    {
        var rows = (await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?$filter=time(CreatedAt)%20ge%2012:00:00&$select=Id%2CCreatedAt"))
            .GetProperty("value").EnumerateArray().ToList();

        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(r => DateTimeOffset.Parse(r.GetProperty("CreatedAt").GetString()!, CultureInfo.InvariantCulture).UtcDateTime.Hour >= 12);
    }

    [Fact]
    public async Task Folding_ListContains_AsOrChainAndAsIn_GiveTheSameRows()
    {
        var ids = await FirstIdsAsync(5);
        var orChain = string.Join(" or ", ids.Select(id => $"Id eq {id}"));
        var inList = $"Id in ({string.Join(",", ids)})";

        var viaOr = await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?$select=Id&$filter=" + Uri.EscapeDataString("(" + orChain + ")"));
        var viaIn = await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?$select=Id&$filter=" + Uri.EscapeDataString(inList));

        Ids(viaOr).Should().Equal(ids);
        Ids(viaIn).Should().Equal(ids);
    }

    [Fact]
    public async Task Folding_SortAndKeepRange_AsSkipThenTop_ReturnThatWindow()
    {
        var all = Ids(await PowerQueryClient.GetJsonAsync(demo, "/odata/Posts?$select=Id&$orderby=Likes%20desc%2CId&$top=30"));
        var window = Ids(await PowerQueryClient.GetJsonAsync(demo, "/odata/Posts?$select=Id&$orderby=Likes%20desc%2CId&$skip=10&$top=5"));

        window.Should().Equal(all.Skip(10).Take(5));
    }

    [Fact]
    public async Task Row_LongUrl_3000Characters_IsAnswered()
    {
        var ids = await FirstIdsAsync(40);
        var filter = new StringBuilder("(");
        var n = 0;
        while (filter.Length < 3000)
        {
            filter.Append(n == 0 ? string.Empty : " or ").Append("Id eq ").Append(n < ids.Count ? ids[n] : -n);
            n++;
        }

        var url = "/odata/Interactions?$select=Id&$filter=" + Uri.EscapeDataString(filter.Append(')').ToString());
        url.Length.Should().BeGreaterThan(3000);

        var json = await PowerQueryClient.GetJsonAsync(demo, url);

        Ids(json).Should().Equal(ids);
    }

    [Fact]
    public async Task Row_UrlBeyondTheEnginesLimit_Answers400WithAnODataErrorNot404()
    {
        var filter = "Kind eq '" + new string('x', 40_000) + "'";

        var response = await PowerQueryClient.SendAsync(demo, "/odata/Interactions?$filter=" + Uri.EscapeDataString(filter));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("longer than");
    }

    private async Task<List<long>> FirstIdsAsync(int count) =>
        Ids(await PowerQueryClient.GetJsonAsync(demo, $"/odata/Interactions?$select=Id&$orderby=Id&$top={count}"));

    private static List<long> Ids(JsonElement page) => page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt64()).ToList();

    private async Task<long> CountAsync(string url)
    {
        var response = await PowerQueryClient.SendAsync(demo, url);
        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        return long.Parse(response.Body, CultureInfo.InvariantCulture);
    }
}
