using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Query;

public sealed class CountTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_WithCountTrue_WritesTotalAfterFilterIgnoringTopAndSkip()
    {
        var expected = fixture.Database.Orders.Count(o => o.Paid);

        var response = await _client.GetODataAsync("odata/Orders?$filter=Paid&$count=true&$top=5&$skip=3");

        response.Json.GetProperty("@odata.count").GetInt64().Should().Be(expected);
        response.Rows.Should().HaveCount(5);
    }

    [Fact]
    public async Task Get_WithCountFalse_WritesNoCount()
    {
        var response = await _client.GetODataAsync("odata/Orders?$count=false&$top=1");

        response.Json.TryGetProperty("@odata.count", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Get_CountSegmentWithFilter_AnswersPlainNumber()
    {
        var expected = fixture.Database.Orders.Count(o => o.Product == "Gizmo");

        var response = await _client.GetODataAsync("odata/Orders/$count?$filter=Product eq 'Gizmo'&$top=1", PowerQuery.Headers);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().StartWith("text/plain");
        response.Body.Should().Be(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Header("OData-Version").Should().Equal("4.0");
    }

    [Fact]
    public async Task Get_CountSegment_CountsWholeTable()
    {
        var response = await _client.GetODataAsync("odata/Customers/$count");

        response.Body.Should().Be(TestDatabase.CustomerCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
