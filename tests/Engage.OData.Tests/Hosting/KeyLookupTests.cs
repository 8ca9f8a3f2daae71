using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Hosting;

public sealed class KeyLookupTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_ByKey_ReturnsSingleEntityWithEntityContext()
    {
        var response = await _client.GetODataAsync("odata/Orders(42)", PowerQuery.Headers);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Json.GetProperty("@odata.context").GetString().Should().Be(fixture.Server.BaseAddress + "odata/$metadata#Orders/$entity");
        response.Json.GetProperty("Id").GetInt64().Should().Be(42);
        response.Json.GetProperty("Note").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Get_ByKeyWithSelect_ReturnsSelectedPropertiesWithSelectContext()
    {
        var response = await _client.GetODataAsync("odata/Customers(4)?$select=Name,Email");

        response.Json.GetProperty("@odata.context").GetString().Should().EndWith("$metadata#Customers(Name,Email)/$entity");
        response.Json.EnumerateObject().Select(p => p.Name).Should().Equal("@odata.context", "Name", "Email");
        response.Json.GetProperty("Email").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Get_ByMissingKey_Answers404WithODataError()
    {
        var response = await _client.GetODataAsync("odata/Orders(4242)");

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.ErrorCode.Should().Be("NotFound");
    }

    [Fact]
    public async Task Get_UnknownEntitySet_Answers404WithODataError()
    {
        var response = await _client.GetODataAsync("odata/Invoices");

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.ErrorMessage.Should().Contain("Invoices");
    }

    [Fact]
    public async Task Get_ByKeyWithFilter_Answers400()
    {
        var response = await _client.GetODataAsync("odata/Orders(42)?$filter=Paid");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
    }
}
