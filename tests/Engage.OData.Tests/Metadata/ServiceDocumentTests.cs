using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Metadata;

public sealed class ServiceDocumentTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Theory]
    [InlineData("odata")]
    [InlineData("odata/")]
    public async Task Get_ServiceRoot_ListsEntitySetsWithMetadataContext(string url)
    {
        var response = await _client.GetODataAsync(url);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Json.GetProperty("@odata.context").GetString().Should().Be(fixture.Server.BaseAddress + "odata/$metadata");
        var sets = response.Json.GetProperty("value").EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("url").GetString()))
            .ToList();
        sets.Should().BeEquivalentTo([("Customers", "EntitySet", "Customers"), ("Orders", "EntitySet", "Orders")]);
        response.Header("OData-Version").Should().Equal("4.0");
    }

    [Fact]
    public async Task Get_ServiceRootWithApiKey_IgnoresKeyAndDoesNotEchoIt()
    {
        var response = await _client.GetODataAsync("odata/?api_key=secret");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body.Should().NotContain("secret");
    }

    [Fact]
    public async Task Get_ServiceRoot_UsesJsonMinimalContentType()
    {
        var response = await _client.GetODataAsync("odata");

        response.ContentType.Should().Be("application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
    }
}
