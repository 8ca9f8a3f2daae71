using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Hosting;

public sealed class ProtocolHeaderTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private const string MinimalJson = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private readonly HttpClient _client = fixture.Server.Client;

    [Theory]
    [InlineData("odata")]
    [InlineData("odata/Orders?$top=2")]
    [InlineData("odata/Orders(1)")]
    [InlineData("odata/Orders/$count")]
    [InlineData("odata/Nowhere")]
    public async Task Get_WithPowerQueryHeaders_AnswersExactlyOneODataVersion40(string url)
    {
        var response = await _client.GetODataAsync(url, PowerQuery.Headers);

        response.Header("OData-Version").Should().Equal("4.0");
    }

    [Fact]
    public async Task Get_WithPowerQueryHeaders_AnswersMinimalJson()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=2", PowerQuery.Headers);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be(MinimalJson);
    }

    [Fact]
    public async Task Get_WithOnlyV3MaxDataServiceVersion_IsServed()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=1", ("MaxDataServiceVersion", "3.0"));

        response.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_WithODataMaxVersionBelow4_Answers400()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=1", ("OData-MaxVersion", "3.0"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Header("OData-Version").Should().Equal("4.0");
    }

    [Fact]
    public async Task Get_WithODataMaxVersion401_IsServedAs40()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=1", ("OData-MaxVersion", "4.01"));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Header("OData-Version").Should().Equal("4.0");
    }

    [Fact]
    public async Task Get_WithFullMetadata_WritesIdAndTypePerEntity()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=2&$select=Id", ("Accept", "application/json;odata.metadata=full"));

        response.ContentType.Should().StartWith("application/json;odata.metadata=full;");
        var row = response.Rows[0];
        row.GetProperty("@odata.type").GetString().Should().Be("#Test.Shop.Order");
        row.GetProperty("@odata.id").GetString().Should().Be(fixture.Server.BaseAddress + "odata/Orders(1)");
    }

    [Fact]
    public async Task Get_WithNoMetadata_OmitsContextButKeepsNextLink()
    {
        var response = await _client.GetODataAsync("odata/Orders", ("Accept", "application/json;odata.metadata=none"));

        response.ContentType.Should().StartWith("application/json;odata.metadata=none;");
        response.Json.TryGetProperty("@odata.context", out _).Should().BeFalse();
        response.NextLink.Should().NotBeNull();
    }

    [Fact]
    public async Task Get_WithIeee754Compatible_WritesInt64AsStrings()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=1&$count=true", ("Accept", "application/json;IEEE754Compatible=true"));

        response.ContentType.Should().Contain("IEEE754Compatible=true");
        response.Json.GetProperty("@odata.count").GetString().Should().Be("300");
        response.Rows[0].GetProperty("Id").GetString().Should().Be("1");
    }

    [Fact]
    public async Task Get_WithXmlOnlyAccept_Answers406()
    {
        var response = await _client.GetODataAsync("odata/Orders", ("Accept", "application/atom+xml"));

        response.Status.Should().Be(HttpStatusCode.NotAcceptable);
        response.ErrorCode.Should().Be("NotAcceptable");
    }

    [Fact]
    public async Task Get_WithBrowserAccept_AnswersJson()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=1", ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be(MinimalJson);
    }
}
