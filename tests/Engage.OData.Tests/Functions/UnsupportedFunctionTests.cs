using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Functions;

public sealed class UnsupportedFunctionTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Theory]
    [InlineData("odata/Orders?$filter=geo.distance(geography'POINT(1 2)',geography'POINT(1 3)') lt 5")]
    [InlineData("odata/Orders?$filter=geo.intersects(geography'POINT(1 2)',geography'POLYGON((0 0,0 1,1 1,0 0))')")]
    [InlineData("odata/Orders?$filter=cast(Id,Edm.String) eq '1'")]
    [InlineData("odata/Orders?$filter=isof(Test.Shop.Order)")]
    [InlineData("odata/Orders?$filter=isof(Id,Edm.Int64)")]
    [InlineData("odata/Orders?$filter=ShippedAt add duration'P1D' gt 2024-02-01T00:00:00Z")]
    [InlineData("odata/Orders?$filter=totalseconds(duration'PT1M') eq 60")]
    [InlineData("odata/Orders?$filter=contains(Id,'1')")]
    [InlineData("odata/Orders?$filter=substring(Product,1.5) eq 'x'")]
    [InlineData("odata/Orders?$filter=year(Product) eq 2024")]
    [InlineData("odata/Orders?$filter=Product add 1 eq 2")]
    [InlineData("odata/Orders?$filter=OrderDate sub 2024-01-01 eq duration'P1D'")]
    [InlineData("odata/Orders?$filter=-Product eq 'x'")]
    [InlineData("odata/Orders?$filter=nosuchfunction(Product)")]
    [InlineData("odata/Orders?$filter=contains(Product)")]
    [InlineData("odata/Orders?$orderby=geo.length(geography'LINESTRING(1 2,3 4)')")]
    [InlineData("odata/Orders?%24filter=geo.distance(geography%27POINT(1%202)%27%2Cgeography%27POINT(1%203)%27)%20lt%205")]
    [InlineData("odata/Orders/$count?$filter=cast(Id,Edm.String) eq '1'")]
    public async Task Get_WithUnsupportedFunctionOrTypeMismatch_AnswersODataErrorNotServerError(string url)
    {
        var response = await _client.GetODataAsync(url);

        ((int)response.Status).Should().BeOneOf([400, 501], response.Body);
        response.ContentType.Should().StartWith("application/json");
        response.ErrorCode.Should().NotBeNullOrEmpty();
        response.ErrorMessage.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("odata/Orders?$filter=geo.distance(geography'POINT(1 2)',geography'POINT(1 3)') lt 5", "geo.distance")]
    [InlineData("odata/Orders?$filter=cast(Id,Edm.String) eq '1'", "cast")]
    [InlineData("odata/Orders?$filter=ShippedAt add duration'P1D' gt 2024-02-01T00:00:00Z", "Duration")]
    public async Task Get_WithKnownButUnimplementedFunction_Answers501NamingIt(string url, string name)
    {
        var response = await _client.GetODataAsync(url);

        response.Status.Should().Be(HttpStatusCode.NotImplemented, response.Body);
        response.ErrorCode.Should().Be("NotImplemented");
        response.ErrorMessage.Should().Contain(name).And.Contain("not supported");
    }
}
