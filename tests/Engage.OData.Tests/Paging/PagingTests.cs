using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Paging;

public sealed class PagingTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task NextLinks_FollowedToTheEnd_ReturnEveryRowExactlyOnceInOrder()
    {
        var expected = fixture.Database.Orders.Where(o => o.Quantity != 0)
            .OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync(
            "odata/Orders?$filter=Quantity ne 0&$orderby=Amount desc&$select=Id,Amount&$count=true&api_key=secret", PowerQuery.Headers);

        pages.Should().HaveCount(3);
        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
        pages.Should().OnlyContain(p => p.Json.GetProperty("@odata.count").GetInt64() == expected.Count);
    }

    [Fact]
    public async Task NextLink_IsAbsoluteAndRepeatsEveryOriginalOption()
    {
        var response = await _client.GetODataAsync("odata/Orders?$filter=Quantity ne 0&$orderby=Amount desc&$select=Id,Amount&$count=true&api_key=secret");

        var link = response.NextLink;
        link.Should().StartWith(fixture.Server.BaseAddress + "odata/Orders?");
        link.Should().Contain("$filter=Quantity%20ne%200").And.Contain("$orderby=Amount%20desc").And.Contain("$select=Id,Amount")
            .And.Contain("$count=true").And.Contain("api_key=secret").And.Contain("$skiptoken=");
    }

    [Fact]
    public async Task Context_WithCustomApiKey_DoesNotEchoTheKey()
    {
        var response = await _client.GetODataAsync("odata/Orders?api_key=secret&$select=Id");

        response.Json.GetProperty("@odata.context").GetString().Should().NotContain("secret").And.EndWith("$metadata#Orders(Id)");
    }

    [Fact]
    public async Task NextLinks_WithTopLargerThanPage_CarryRemainingTop()
    {
        var pages = await _client.GetAllPagesAsync("odata/Orders?$top=250&$select=Id");

        pages.Select(p => p.Rows.Count).Should().Equal(100, 100, 50);
        pages[0].NextLink.Should().Contain("$top=150");
        pages[1].NextLink.Should().Contain("$top=50");
        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(Enumerable.Range(1, 250).Select(i => (long)i));
    }

    [Fact]
    public async Task Get_WithTopEqualToPage_HasNoNextLink()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=100");

        response.Rows.Should().HaveCount(100);
        response.NextLink.Should().BeNull();
    }

    [Fact]
    public async Task NextLinks_WithSkipAndTop_ReturnTheRequestedWindow()
    {
        var pages = await _client.GetAllPagesAsync("odata/Orders?$skip=10&$top=150&$select=Id");

        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(Enumerable.Range(11, 150).Select(i => (long)i));
        pages[0].NextLink.Should().NotContain("$skip=");
    }

    [Fact]
    public async Task Get_WithMaxPageSizePreference_HonoursItAndSaysSo()
    {
        (string, string)[] prefer = [("Prefer", "odata.maxpagesize=40")];
        var pages = await _client.GetAllPagesAsync("odata/Orders?$select=Id", prefer);

        pages.Should().HaveCount(8);
        pages[0].Rows.Should().HaveCount(40);
        pages.Should().OnlyContain(p => p.Header("Preference-Applied").SequenceEqual(new[] { "odata.maxpagesize=40" }));
        pages.SelectMany(p => p.Rows).Should().HaveCount(TestDatabase.OrderCount);
    }

    [Fact]
    public async Task Get_WithMaxPageSizeAboveServerPage_UsesServerPageWithoutPreferenceApplied()
    {
        var response = await _client.GetODataAsync("odata/Orders", ("Prefer", "odata.maxpagesize=500"));

        response.Rows.Should().HaveCount(100);
        response.Header("Preference-Applied").Should().BeEmpty();
    }

    [Fact]
    public async Task Get_WithTamperedSkipToken_Answers400()
    {
        var link = (await _client.GetODataAsync("odata/Orders?$select=Id")).NextLink!;
        var token = link[(link.IndexOf("$skiptoken=", StringComparison.Ordinal) + 11)..];
        var tampered = link.Replace(token, (token[0] == 'A' ? "B" : "A") + token[1..], StringComparison.Ordinal);

        var response = await _client.GetODataAsync(tampered);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorMessage.Should().Contain("$skiptoken");
    }

    [Fact]
    public async Task Get_WithSkipTokenFromAnotherFilter_Answers400()
    {
        var link = (await _client.GetODataAsync("odata/Orders?$select=Id")).NextLink!;

        var response = await _client.GetODataAsync(link + "&$filter=Paid");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_WithDefaultPageSize_AnswersAllRowsWithoutNextLink()
    {
        await using var server = await ODataTestServer.StartAsync(fixture.Database, ODataTestServer.DefaultDefinition(fixture.Database, pageSize: 1000));

        var response = await server.Client.GetODataAsync("odata/Orders");

        response.Rows.Should().HaveCount(TestDatabase.OrderCount);
        response.NextLink.Should().BeNull();
    }

    [Fact]
    public async Task Get_WithTopAboveMaxTop_Answers400()
    {
        await using var server = await ODataTestServer.StartAsync(fixture.Database, ODataTestServer.DefaultDefinition(fixture.Database, maxTop: 50));

        var response = await server.Client.GetODataAsync("odata/Orders?$top=51");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("BadRequest");
    }
}
