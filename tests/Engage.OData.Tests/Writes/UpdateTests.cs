using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

public sealed class UpdateTests(WriteServerFixture fixture) : IClassFixture<WriteServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Patch_OneProperty_ChangesOnlyItAndBumpsTheETag()
    {
        var amount = fixture.Database.Stored(10, "Amount");

        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(10)", """{"Note":"changed"}""");

        response.Status.Should().Be(HttpStatusCode.NoContent, response.Body);
        response.Header("ETag").Should().Equal("W/\"2\"");
        fixture.Database.Stored(10, "Note").Should().Be("changed");
        fixture.Database.Stored(10, "Amount").Should().Be(amount);
        fixture.Database.Stored(10, "RowVersion").Should().Be(2L);
    }

    [Fact]
    public async Task Patch_SameValues_KeepsTheVersion()
    {
        var note = (string)fixture.Database.Stored(11, "Note")!;

        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(11)", $$"""{"Note":"{{note}}","Paid":false}""");

        response.Status.Should().Be(HttpStatusCode.NoContent, response.Body);
        response.Header("ETag").Should().Equal("W/\"1\"");
        fixture.Database.Stored(11, "RowVersion").Should().Be(1L);
    }

    [Fact]
    public async Task Patch_PreferRepresentation_Answers200WithTheEntity()
    {
        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(13)", """{"Quantity":7,"Price":null}""", ("Prefer", "return=representation"));

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Header("Preference-Applied").Should().Equal("return=representation");
        var json = response.Json;
        json.GetProperty("@odata.context").GetString().Should().EndWith("$metadata#Orders/$entity");
        json.GetProperty("Quantity").GetInt32().Should().Be(7);
        json.GetProperty("Price").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        json.GetProperty("@odata.etag").GetString().Should().Be(response.Header("ETag").Single());
    }

    [Fact]
    public async Task Patch_PropertyThatCannotChange_Answers400AndChangesNothing()
    {
        var before = fixture.Database.Fingerprint();

        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(14)", """{"Note":"ok","Product":"Other"}""");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Json.GetProperty("error").GetProperty("target").GetString().Should().Be("Product");
        response.ErrorMessage.Should().Be("'Product' cannot be changed in 'Orders'.");
        fixture.Database.Fingerprint().Should().Be(before);
    }

    [Fact]
    public async Task Patch_KeyInBody_IsIgnoredWhenItIsTheAddressedKeyAndRefusedOtherwise()
    {
        (await _client.SendAsync(HttpMethod.Patch, "odata/Orders(16)", """{"Id":16,"Note":"same key"}""")).Status.Should().Be(HttpStatusCode.NoContent);

        var other = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(16)", """{"Id":17,"Note":"other key"}""");

        other.Status.Should().Be(HttpStatusCode.BadRequest);
        other.Json.GetProperty("error").GetProperty("target").GetString().Should().Be("Id");
        fixture.Database.Stored(16, "Note").Should().Be("same key");
    }

    [Fact]
    public async Task Patch_ValidationHookError_Answers400WithTarget()
    {
        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(17)", $$"""{"Note":"{{WriteTestService.ForbiddenNote}}"}""");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Json.GetProperty("error").GetProperty("target").GetString().Should().Be("Note");
        fixture.Database.Stored(17, "Note").Should().Be("note 17");
    }

    [Fact]
    public async Task Patch_MissingKey_Answers404()
    {
        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(99999)", """{"Note":"x"}""");

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.ErrorCode.Should().Be("NotFound");
    }

    [Fact]
    public async Task Put_OnAnUpdatableSet_Answers405PointingToPatch()
    {
        var response = await _client.SendAsync(HttpMethod.Put, "odata/Orders(19)", """{"Note":"x"}""");

        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Header("Allow").Should().Equal("GET, PATCH, DELETE");
        response.ErrorMessage.Should().Contain("PATCH");
        fixture.Database.Stored(19, "Note").Should().Be("note 19");
    }

    [Fact]
    public async Task Patch_ReadOnlySetAndCollection_Answer405()
    {
        var customer = await _client.SendAsync(HttpMethod.Patch, "odata/Customers(1)", """{"Name":"x"}""");
        var collection = await _client.SendAsync(HttpMethod.Patch, "odata/Orders", """{"Note":"x"}""");
        var count = await _client.SendAsync(HttpMethod.Post, "odata/Orders/$count", """{}""");
        var metadata = await _client.SendAsync(HttpMethod.Post, "odata/$metadata", """{}""");

        customer.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        customer.Header("Allow").Should().Equal("GET");
        collection.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        collection.Header("Allow").Should().Equal("GET, POST");
        count.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        metadata.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        metadata.Header("Allow").Should().Equal("GET");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Customers\" WHERE \"Name\" = 'x'").Should().Be(0);
    }

    [Fact]
    public async Task Post_Batch_Answers501()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/$batch", "{}");

        response.Status.Should().Be(HttpStatusCode.NotImplemented);
        response.ErrorCode.Should().Be("NotImplemented");
    }

    [Fact]
    public async Task Patch_EmptyObject_ChangesNothing()
    {
        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(20)", "{}");

        response.Status.Should().Be(HttpStatusCode.NoContent);
        response.Header("ETag").Should().Equal("W/\"1\"");
    }
}
