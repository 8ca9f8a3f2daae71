using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

public sealed class DeleteTests(WriteServerFixture fixture) : IClassFixture<WriteServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Delete_UnpaidOrder_Answers204AndTheEntityIsGone()
    {
        var response = await _client.SendAsync(HttpMethod.Delete, "odata/Orders(21)", null);

        response.Status.Should().Be(HttpStatusCode.NoContent, response.Body);
        response.Header("OData-Version").Should().Equal("4.0");
        (await _client.GetODataAsync("odata/Orders(21)")).Status.Should().Be(HttpStatusCode.NotFound);
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\" WHERE \"Id\" = 21").Should().Be(0);
    }

    [Fact]
    public async Task Delete_RefusedByTheHook_Answers409AndKeepsTheRow()
    {
        var response = await _client.SendAsync(HttpMethod.Delete, "odata/Orders(22)", null);

        response.Status.Should().Be(HttpStatusCode.Conflict);
        response.ErrorCode.Should().Be("Conflict");
        response.ErrorMessage.Should().Be("A paid order is kept for the books.");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\" WHERE \"Id\" = 22").Should().Be(1);
    }

    [Fact]
    public async Task Delete_MissingKey_Answers404()
    {
        var response = await _client.SendAsync(HttpMethod.Delete, "odata/Orders(123456)", null);

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.ErrorCode.Should().Be("NotFound");
    }

    [Fact]
    public async Task Delete_ReadOnlySetOrCollection_Answers405()
    {
        var customer = await _client.SendAsync(HttpMethod.Delete, "odata/Customers(2)", null);
        var collection = await _client.SendAsync(HttpMethod.Delete, "odata/Orders", null);

        customer.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        customer.Header("Allow").Should().Equal("GET");
        collection.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        collection.Header("Allow").Should().Equal("GET, POST");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Customers\"").Should().Be(TestDatabase.CustomerCount);
    }

    [Fact]
    public async Task Delete_MalformedKey_Answers4xx()
    {
        var response = await _client.SendAsync(HttpMethod.Delete, "odata/Orders('x')", null);

        ((int)response.Status).Should().BeInRange(400, 499);
        response.Json.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrEmpty();
    }
}
