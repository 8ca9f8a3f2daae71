using System.Net;
using Engage.OData.Actions;
using Engage.OData.Tests.Support;
using Engage.OData.Writes;

namespace Engage.OData.Tests.Writes;

public sealed class ChangeHookTests(ChangeHookFixture fixture) : IClassFixture<ChangeHookFixture>
{
    private const string NewOrder = """{"CustomerId":3,"Product":"Sprocket","Amount":12.5,"Quantity":2,"OrderDate":"2024-05-01"}""";
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Post_Insert_HookSeesTheNewKeyAndTheStoredRowAndTheChangeIsLoggedInItsTransaction()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder);

        response.Status.Should().Be(HttpStatusCode.Created, response.Body);
        var id = response.Json.GetProperty("Id").GetInt64();
        var change = Single(WriteOperation.Insert, id);
        change.EntitySet.Should().Be("Orders");
        change.Previous.Should().BeEmpty();
        change.Values["Product"].Should().Be("Sprocket");
        change.Values["Paid"].Should().Be(false, "the value the server hook set is seen as stored");
        change.Changed.Should().Contain(["Product", "Amount", "Paid"]).And.NotContain("Note");
        fixture.Logged(id).Should().Be(1);
    }

    [Fact]
    public async Task Patch_Update_HookSeesThePreviousAndTheNewValues()
    {
        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(11)", """{"Note":"changed"}""");

        response.Status.Should().Be(HttpStatusCode.NoContent, response.Body);
        var change = Single(WriteOperation.Update, 11L);
        change.Previous["Note"].Should().Be("note 11");
        change.Values["Note"].Should().Be("changed");
        change.Changed.Should().Equal("Note");
        fixture.Logged(11).Should().Be(1);
    }

    [Fact]
    public async Task Delete_HookSeesTheDeletedRow()
    {
        var response = await _client.SendAsync(HttpMethod.Delete, "odata/Orders(13)", null);

        response.Status.Should().Be(HttpStatusCode.NoContent, response.Body);
        var change = Single(WriteOperation.Delete, 13L);
        change.Previous["Note"].Should().Be("note 13");
        change.Values.Should().BeEmpty();
        fixture.Logged(13).Should().Be(1);
    }

    [Fact]
    public async Task Post_Action_HookSeesTheActionItsParametersTheBoundEntityAndTheResult()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders(35)/Test.Shop.Ship", """{"Carrier":"DHL"}""");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var change = Single(WriteOperation.Action, 35L);
        change.Action.Should().Be("Test.Shop.Ship");
        change.EntitySet.Should().Be("Orders");
        change.Parameters["Carrier"].Should().Be("DHL");
        change.Previous["Note"].Should().Be("note 35", "Previous is the bound entity before the handler");
        change.Result.Should().Be(new EntityReference("Orders", 35L));
        fixture.Logged(35).Should().Be(1);
    }

    [Fact]
    public async Task Writes_HookThrows_RollBackTheChangeAndWhatTheHookWrote()
    {
        SetNote(17, ChangeHookFixture.FailingValue);
        var before = fixture.Database.Fingerprint();
        var count = fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"");
        var logged = fixture.Database.Scalar("SELECT COUNT(*) FROM \"ChangeLog\"");

        var insert = await _client.SendAsync(HttpMethod.Post, "odata/Orders", NewOrder.Replace("}", $",\"Note\":\"{ChangeHookFixture.FailingValue}\"}}"));
        var update = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(19)", $$"""{"Note":"{{ChangeHookFixture.FailingValue}}"}""");
        var delete = await _client.SendAsync(HttpMethod.Delete, "odata/Orders(17)", null);
        var action = await _client.SendAsync(HttpMethod.Post, "odata/Orders(23)/Test.Shop.Ship", $$"""{"Carrier":"{{ChangeHookFixture.FailingValue}}"}""");

        foreach (var response in new[] { insert, update, delete, action })
        {
            response.Status.Should().Be(HttpStatusCode.InternalServerError, response.Body);
        }

        fixture.Database.Fingerprint().Should().Be(before, "every change rolled back with its failing hook");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"").Should().Be(count);
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"ChangeLog\"").Should().Be(logged, "the hook's own rows rolled back too");
    }

    [Fact]
    public async Task Writes_Refused_NeverReachTheHook()
    {
        var logged = fixture.Database.Scalar("SELECT COUNT(*) FROM \"ChangeLog\"");

        var invalid = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(25)", """{"Quantity":-1}""");
        var conflict = await _client.SendAsync(HttpMethod.Delete, "odata/Orders(26)", null);
        var stale = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(27)", """{"Note":"x"}""", ("If-Match", "W/\"99\""));
        var badParameter = await _client.SendAsync(HttpMethod.Post, "odata/Orders(29)/Test.Shop.Ship", """{"Carrier":""}""");

        invalid.Status.Should().Be(HttpStatusCode.BadRequest);
        conflict.Status.Should().Be(HttpStatusCode.Conflict);
        stale.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        badParameter.Status.Should().Be(HttpStatusCode.BadRequest);
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"ChangeLog\"").Should().Be(logged);
    }

    [Fact]
    public async Task Post_ResponseValue_IsShownInThatAnswerOnlyEvenWhenMinimalIsPreferred()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders",
            NewOrder.Replace("}", $",\"Note\":\"{WriteTestService.ShowOnceNote}\"}}"), ("Prefer", "return=minimal"));

        response.Status.Should().Be(HttpStatusCode.Created, "the set answers with the entity, so the value shown once is not lost");
        response.Header("Preference-Applied").Should().BeEmpty();
        var id = response.Json.GetProperty("Id").GetInt64();
        response.Json.GetProperty("Note").GetString().Should().Be("shown once");
        Single(WriteOperation.Insert, id).Values["Note"].Should().Be(WriteTestService.ShowOnceNote, "the hook sees what is stored");
        fixture.Database.Stored(id, "Note").Should().Be(WriteTestService.ShowOnceNote);
        var read = await _client.GetODataAsync($"odata/Orders({id})");
        read.Json.GetProperty("Note").GetString().Should().Be(WriteTestService.ShowOnceNote);
    }

    private ChangeContext Single(WriteOperation operation, long key) =>
        fixture.Changes.Where(c => c.Operation == operation && Equals(c.Key, key)).Should().ContainSingle().Subject;

    private void SetNote(long id, string note)
    {
        using var connection = fixture.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE \"Orders\" SET \"Note\" = @n, \"Paid\" = 0 WHERE \"Id\" = @id";
        command.Parameters.AddWithValue("@n", note);
        command.Parameters.AddWithValue("@id", id);
        command.ExecuteNonQuery();
    }
}
