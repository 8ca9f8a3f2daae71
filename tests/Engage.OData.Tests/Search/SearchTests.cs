using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Search;

public sealed class SearchTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly Dictionary<string, Func<OrderRow, bool>> Cases = new()
    {
        ["widget"] = o => Has(o, "widget"),
        ["WIDGET"] = o => Has(o, "widget"),
        ["gizmo OR gadget"] = o => Has(o, "gizmo") || Has(o, "gadget"),
        ["note AND \"1\""] = o => Has(o, "note") && Has(o, "1"),
        ["note \"1\""] = o => Has(o, "note") && Has(o, "1"),
        ["\"note 1\""] = o => Has(o, "note 1"),
        ["NOT widget"] = o => !Has(o, "widget"),
        ["NOT \"note 1\""] = o => !Has(o, "note 1"),
        ["widget AND NOT \"note 1\""] = o => Has(o, "widget") && !Has(o, "note 1"),
        ["(gizmo OR gadget) AND \"7\""] = o => (Has(o, "gizmo") || Has(o, "gadget")) && Has(o, "7"),
        ["\"o'brien\""] = o => Has(o, "o'brien"),
        ["\"nothing-like-this\""] = o => false,
    };

    private readonly HttpClient _client = fixture.Server.Client;

    public static TheoryData<string> Searches => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Get_WithSearch_ReturnsEveryRowWhoseTextContainsTheTerms(string search)
    {
        var expected = fixture.Database.Orders.Where(Cases[search]).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$select=Id&$search=" + Uri.EscapeDataString(search));

        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithSearchFilterAndCount_CountsRowsMatchingBoth()
    {
        var expected = fixture.Database.Orders.Where(o => !Has(o, "widget") && o.Paid).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$search=NOT widget&$filter=Paid&$count=true&$select=Id", ("Prefer", "odata.maxpagesize=40"));

        pages.Should().HaveCountGreaterThan(1);
        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
        pages[0].Json.GetProperty("@odata.count").GetInt64().Should().Be(expected.Count);
        pages[0].NextLink.Should().Contain("$search=NOT%20widget").And.Contain("$filter=Paid");
    }

    [Fact]
    public async Task Get_CountSegmentWithSearch_CountsMatchingRows()
    {
        var expected = fixture.Database.Orders.Count(o => Has(o, "gizmo") || Has(o, "gadget"));

        var response = await _client.GetODataAsync("odata/Orders/$count?$search=gizmo OR gadget");

        response.Body.Should().Be(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Get_WithPercentEncodedPhraseSearch_FindsTheSameRows()
    {
        var expected = fixture.Database.Orders.Where(o => Has(o, "note 1")).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?%24search=%22note%201%22&%24select=Id");

        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithSkipTokenReusedUnderAnotherSearch_IsRefused()
    {
        var first = await _client.GetODataAsync("odata/Orders?$search=note&$select=Id", ("Prefer", "odata.maxpagesize=10"));
        var token = first.NextLink![(first.NextLink!.IndexOf("$skiptoken=", StringComparison.Ordinal) + 11)..];

        var reused = await _client.GetODataAsync("odata/Orders?$search=widget&$select=Id&$skiptoken=" + token);

        reused.Status.Should().Be(HttpStatusCode.BadRequest);
        reused.ErrorMessage.Should().Contain("$skiptoken");
    }

    [Fact]
    public async Task Get_SingleEntityWithSearch_IsRefused()
    {
        var response = await _client.GetODataAsync("odata/Orders(1)?$search=widget");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_CustomersSearch_LooksInEveryTextPropertyByDefault()
    {
        var response = await _client.GetODataAsync("odata/Customers?$search=\"C13@\" OR \"customer 3\"&$select=Id");

        response.Rows.Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(3, 13);
    }

    [Theory]
    [InlineData("note 1")]
    [InlineData("o'brien")]
    public async Task Get_WithUnquotedNonLetterWord_AnswersBadRequestAskingForQuotes(string search)
    {
        var response = await _client.GetODataAsync("odata/Orders?$search=" + Uri.EscapeDataString(search));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorMessage.Should().NotBeNullOrEmpty();
    }

    private static bool Has(OrderRow order, string term) =>
        order.Product.Contains(term, StringComparison.OrdinalIgnoreCase) || order.Note?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;
}
