using System.Net;
using Engage.OData.Hosting;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

public sealed class ETagTests(WriteServerFixture fixture) : IClassFixture<WriteServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_VersionedSet_WritesETagOnEveryEntityAndTheHeaderOnASingleOne()
    {
        var feed = await _client.GetODataAsync("odata/Orders?$top=3&$select=Id");
        var entity = await _client.GetODataAsync("odata/Orders(2)");
        var expanded = await _client.GetODataAsync("odata/Orders(2)?$expand=Customer");
        var customers = await _client.GetODataAsync("odata/Customers?$top=1");
        var none = await _client.GetODataAsync("odata/Orders(2)", ("Accept", "application/json;odata.metadata=none"));

        feed.Rows.Should().OnlyContain(r => r.GetProperty("@odata.etag").GetString() == "W/\"1\"");
        entity.Json.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
        entity.Header("ETag").Should().Equal("W/\"1\"");
        expanded.Header("ETag").Should().Equal("W/\"1\"");
        expanded.Json.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
        customers.Rows[0].TryGetProperty("@odata.etag", out _).Should().BeFalse("a set without a version has no ETag");
        none.Json.TryGetProperty("@odata.etag", out _).Should().BeFalse();
        none.Header("ETag").Should().Equal("W/\"1\"");
    }

    [Fact]
    public async Task Patch_ETagRoundTrip_TheOldETagIsStaleAfterAChange()
    {
        var etag = (await _client.GetODataAsync("odata/Orders(31)")).Header("ETag").Single();

        var first = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(31)", """{"Note":"first"}""", ("If-Match", etag));
        var second = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(31)", """{"Note":"second"}""", ("If-Match", etag));

        first.Status.Should().Be(HttpStatusCode.NoContent, first.Body);
        second.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        second.ErrorCode.Should().Be("PreconditionFailed");
        fixture.Database.Stored(31, "Note").Should().Be("first");
        (await _client.GetODataAsync("odata/Orders(31)")).Header("ETag").Should().Equal(first.Header("ETag"));
    }

    [Fact]
    public async Task Patch_IfMatchStarOrListWithTheCurrentTag_Succeeds()
    {
        var star = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(32)", """{"Note":"star"}""", ("If-Match", "*"));
        var list = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(32)", """{"Note":"list"}""", ("If-Match", "W/\"9\", W/\"2\""));

        star.Status.Should().Be(HttpStatusCode.NoContent);
        list.Status.Should().Be(HttpStatusCode.NoContent, list.Body);
        fixture.Database.Stored(32, "Note").Should().Be("list");
    }

    [Fact]
    public async Task Delete_StaleIfMatch_Answers412AndKeepsTheRow()
    {
        var response = await _client.SendAsync(HttpMethod.Delete, "odata/Orders(33)", null, ("If-Match", "W/\"7\""));

        response.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\" WHERE \"Id\" = 33").Should().Be(1);
    }

    [Fact]
    public async Task Patch_MalformedIfMatch_Answers400()
    {
        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(34)", """{"Note":"x"}""", ("If-Match", "not a tag"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        fixture.Database.Stored(34, "Note").Should().Be("note 34");
    }

    [Fact]
    public async Task Patch_StaleIfMatchWithAnInvalidBody_Answers412BeforeValidation()
    {
        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(35)", $$"""{"Note":"{{WriteTestService.ForbiddenNote}}"}""", ("If-Match", "W/\"5\""));

        response.Status.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Patch_WithoutIfMatchOnASetThatRequiresIt_Answers428()
    {
        var definition = WriteTestService.Definition(fixture.Database);
        var strict = new ODataServiceDefinition
        {
            Model = definition.Model,
            EntitySets = [definition.EntitySets[0] with { Writes = definition.EntitySets[0].Writes! with { RequireIfMatch = true } }, definition.EntitySets[1]],
            OpenConnection = definition.OpenConnection,
            Actions = definition.Actions,
        };
        await using var server = await ODataTestServer.StartAsync(fixture.Database, strict);

        var without = await server.Client.SendAsync(HttpMethod.Patch, "odata/Orders(36)", """{"Note":"x"}""");
        var action = await server.Client.SendAsync(HttpMethod.Post, "odata/Orders(36)/Test.Shop.Forget", null);
        var with = await server.Client.SendAsync(HttpMethod.Patch, "odata/Orders(36)", """{"Note":"x"}""", ("If-Match", "W/\"1\""));

        without.Status.Should().Be(HttpStatusCode.PreconditionRequired);
        action.Status.Should().Be(HttpStatusCode.PreconditionRequired);
        with.Status.Should().Be(HttpStatusCode.NoContent, with.Body);
    }
}
