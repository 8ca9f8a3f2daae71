using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

public sealed class ActionTests(WriteServerFixture fixture) : IClassFixture<WriteServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Post_BoundActionReturningAnEntity_Answers200WithTheEntity()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders(40)/Test.Shop.Ship", """{"Carrier":"DHL"}""");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var json = response.Json;
        json.GetProperty("@odata.context").GetString().Should().EndWith("/odata/$metadata#Orders/$entity");
        json.GetProperty("Id").GetInt64().Should().Be(40);
        json.GetProperty("Note").GetString().Should().Be("Shipped by DHL");
        json.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
        response.Header("ETag").Should().Equal("W/\"2\"");
    }

    [Fact]
    public async Task Post_ActionNameInOtherCase_IsResolved()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/orders(41)/test.shop.ship", """{"Carrier":"UPS"}""");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
    }

    [Fact]
    public async Task Post_ActionReturningNothing_Answers204()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders(42)/Test.Shop.Forget", null);

        response.Status.Should().Be(HttpStatusCode.NoContent, response.Body);
    }

    [Fact]
    public async Task Post_BadParameters_Answers400NamingThemAndChangesNothing()
    {
        var before = fixture.Database.Fingerprint();

        var missing = await _client.SendAsync(HttpMethod.Post, "odata/Orders(43)/Test.Shop.Ship", "{}");
        var unknown = await _client.SendAsync(HttpMethod.Post, "odata/Orders(43)/Test.Shop.Ship", """{"Carrier":"DHL","Speed":"fast"}""");
        var wrongType = await _client.SendAsync(HttpMethod.Post, "odata/Orders(43)/Test.Shop.Ship", """{"Carrier":12}""");
        var refused = await _client.SendAsync(HttpMethod.Post, "odata/Orders(43)/Test.Shop.Ship", """{"Carrier":"A carrier with a very long name"}""");
        var noBody = await _client.SendAsync(HttpMethod.Post, "odata/Orders(43)/Test.Shop.Ship", null);

        foreach (var (response, target) in new[] { (missing, "Carrier"), (unknown, "Speed"), (wrongType, "Carrier"), (refused, "Carrier") })
        {
            response.Status.Should().Be(HttpStatusCode.BadRequest, response.Body);
            response.Json.GetProperty("error").GetProperty("target").GetString().Should().Be(target);
        }

        noBody.Status.Should().Be(HttpStatusCode.BadRequest);
        fixture.Database.Fingerprint().Should().Be(before);
    }

    [Fact]
    public async Task Post_MissingKeyOrUnknownAction_Answers404()
    {
        var missing = await _client.SendAsync(HttpMethod.Post, "odata/Orders(99999)/Test.Shop.Ship", """{"Carrier":"DHL"}""");
        var unknown = await _client.SendAsync(HttpMethod.Post, "odata/Orders(44)/Test.Shop.Cancel", "{}");
        var otherSet = await _client.SendAsync(HttpMethod.Post, "odata/Customers(1)/Test.Shop.Ship", """{"Carrier":"DHL"}""");

        missing.Status.Should().Be(HttpStatusCode.NotFound);
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        otherSet.Status.Should().Be(HttpStatusCode.NotFound);
        fixture.Database.Stored(44, "Note").Should().Be("note 44");
    }

    [Fact]
    public async Task Get_OnAnAction_Answers405AllowingPost()
    {
        var response = await _client.GetODataAsync("odata/Orders(45)/Test.Shop.Ship");

        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Header("Allow").Should().Equal("POST");
        response.ErrorCode.Should().Be("MethodNotAllowed");
    }

    [Fact]
    public async Task Post_ActionWithIfMatch_ChecksTheBoundEntitysETag()
    {
        var stale = await _client.SendAsync(HttpMethod.Post, "odata/Orders(46)/Test.Shop.Ship", """{"Carrier":"DHL"}""", ("If-Match", "W/\"3\""));
        var current = await _client.SendAsync(HttpMethod.Post, "odata/Orders(46)/Test.Shop.Ship", """{"Carrier":"DHL"}""", ("If-Match", "W/\"1\""));

        stale.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        current.Status.Should().Be(HttpStatusCode.OK, current.Body);
    }

    [Fact]
    public async Task Put_OnAnAction_Answers405()
    {
        var response = await _client.SendAsync(HttpMethod.Put, "odata/Orders(47)/Test.Shop.Ship", """{"Carrier":"DHL"}""");

        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Header("Allow").Should().Equal("POST");
    }
}
