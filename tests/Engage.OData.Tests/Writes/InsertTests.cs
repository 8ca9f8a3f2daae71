using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

public sealed class InsertTests(WriteServerFixture fixture) : IClassFixture<WriteServerFixture>
{
    private const string NewOrder = """{"CustomerId":3,"Product":"Sprocket","Amount":12.5,"Quantity":2,"OrderDate":"2024-05-01","Note":null,"ShippedAt":"2024-05-02T10:00:00+02:00"}""";
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Post_ValidOrder_Answers201WithLocationEntityAndETag()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder, (ODataTestServer.WorkspaceHeader, "2"));

        response.Status.Should().Be(HttpStatusCode.Created, response.Body);
        var json = response.Json;
        var id = json.GetProperty("Id").GetInt64();
        response.Message.Headers.Location!.ToString().Should().EndWith($"/odata/Orders({id})");
        json.GetProperty("@odata.context").GetString().Should().EndWith("/odata/$metadata#Orders/$entity");
        json.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
        response.Header("ETag").Should().Equal("W/\"1\"");
        response.Header("OData-Version").Should().Equal("4.0");
        json.GetProperty("Product").GetString().Should().Be("Sprocket");
        json.GetProperty("Paid").GetBoolean().Should().BeFalse("the server value hook fills what the client left out");
        json.GetProperty("ShippedAt").GetString().Should().Be("2024-05-02T08:00:00.0000000Z");
        json.GetProperty("Note").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        fixture.Database.Stored(id, "workspace_id").Should().Be(2L, "the scope hook put the row in the caller's workspace");
        fixture.Database.Stored(id, "product_name").Should().Be("Sprocket");
    }

    [Fact]
    public async Task Post_PreferReturnMinimal_Answers204WithEntityIdAndPreferenceApplied()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder, ("Prefer", "return=minimal"));

        response.Status.Should().Be(HttpStatusCode.NoContent, response.Body);
        response.Body.Should().BeEmpty();
        response.Header("Preference-Applied").Should().Equal("return=minimal");
        var location = response.Message.Headers.Location!.ToString();
        response.Header("OData-EntityId").Should().Equal(location);
        response.Header("ETag").Should().Equal("W/\"1\"");
        (await _client.GetODataAsync(location)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_MissingRequiredBadlyTypedAndReadOnlyProperties_Answers400NamingEach()
    {
        var before = fixture.Database.Fingerprint();

        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", """{"Id":5,"Amount":"a lot","Quantity":3000000000,"Colour":"red"}""");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        var targets = response.Json.GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("target").GetString());
        targets.Should().BeEquivalentTo("Id", "Amount", "Quantity", "Colour", "CustomerId", "Product", "OrderDate");
        response.ErrorCode.Should().Be("InvalidValue");
        response.ErrorMessage.Should().Contain("'Amount' must be a finite number").And.Contain("'Quantity' must be an integer within the range of Edm.Int32");
        fixture.Database.Fingerprint().Should().Be(before);
    }

    [Fact]
    public async Task Post_NullForNonNullableProperty_Answers400WithTarget()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder.Replace("\"Sprocket\"", "null", StringComparison.Ordinal));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Json.GetProperty("error").GetProperty("target").GetString().Should().Be("Product");
        response.ErrorMessage.Should().Be("'Product' must not be null.");
    }

    [Fact]
    public async Task Post_ValidationHookErrors_Answers400NamingEveryPropertyAndInsertsNothing()
    {
        var count = fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"");

        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders",
            NewOrder.Replace("\"Quantity\":2", "\"Quantity\":-1", StringComparison.Ordinal).Replace("\"CustomerId\":3", "\"CustomerId\":999", StringComparison.Ordinal));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        var details = response.Json.GetProperty("error").GetProperty("details").EnumerateArray()
            .ToDictionary(d => d.GetProperty("target").GetString()!, d => d.GetProperty("message").GetString());
        details.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["Quantity"] = "'Quantity' must not be negative.",
            ["CustomerId"] = "There is no customer 999.",
        });
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"").Should().Be(count);
    }

    [Fact]
    public async Task Post_TextLookingLikeSql_IsStoredVerbatim()
    {
        const string note = "x'); DROP TABLE \\\"Orders\\\"; --";

        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder.Replace("\"Note\":null", $"\"Note\":\"{note}\"", StringComparison.Ordinal));

        response.Status.Should().Be(HttpStatusCode.Created, response.Body);
        fixture.Database.Stored(response.Json.GetProperty("Id").GetInt64(), "Note").Should().Be("x'); DROP TABLE \"Orders\"; --");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"").Should().BeGreaterThan(TestDatabase.OrderCount - 1);
    }

    [Fact]
    public async Task Post_AcceptingNoJson_Answers406AndInsertsNothing()
    {
        var count = fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"");

        var xml = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder, ("Accept", "application/xml"));
        var format = await _client.SendAsync(HttpMethod.Post, "odata/Orders?$format=atom", NewOrder);
        var fullMetadata = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder, ("Accept", "application/json;odata.metadata=full"));

        xml.Status.Should().Be(HttpStatusCode.NotAcceptable);
        format.Status.Should().Be(HttpStatusCode.NotAcceptable);
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"").Should().Be(count + 1, "only the acceptable request inserted a row");
        fullMetadata.Status.Should().Be(HttpStatusCode.Created);
        fullMetadata.Json.GetProperty("@odata.id").GetString().Should().Be(fullMetadata.Message.Headers.Location!.ToString());
        fullMetadata.Json.GetProperty("@odata.type").GetString().Should().Be("#Test.Shop.Order");
    }

    [Fact]
    public async Task Post_ReadOnlySet_Answers405WithAllow()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Customers", """{"Name":"New"}""");

        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Header("Allow").Should().Equal("GET");
        response.ErrorCode.Should().Be("MethodNotAllowed");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Customers\"").Should().Be(TestDatabase.CustomerCount);
    }

    [Fact]
    public async Task Post_ODataTypeOfAnotherType_Answers400()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder.Replace("{", "{\"@odata.type\":\"#Test.Shop.Customer\",", StringComparison.Ordinal));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Json.GetProperty("error").GetProperty("target").GetString().Should().Be("@odata.type");
    }

    [Fact]
    public async Task Post_ODataTypeOfTheSet_IsAccepted()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder.Replace("{", "{\"@odata.type\":\"#Test.Shop.Order\",", StringComparison.Ordinal));

        response.Status.Should().Be(HttpStatusCode.Created, response.Body);
    }
}
