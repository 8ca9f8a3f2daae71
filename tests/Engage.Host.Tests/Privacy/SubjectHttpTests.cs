using System.IO.Compression;
using System.Net;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Privacy;

/// <summary><c>GET /api/subjects/export</c> and the refusals of both endpoints, on the demo host.</summary>
public sealed class SubjectHttpTests(PrivacyDemoFixture demo) : IClassFixture<PrivacyDemoFixture>
{
    [Fact]
    public async Task Export_TwoDemoContacts_JsonWithHeaderAndEveryInteraction()
    {
        var contacts = await demo.BusiestContactsAsync(2);

        var answer = await demo.Client.SendJsonAsync(HttpMethod.Get, $"/api/subjects/export?contacts={contacts[0]},{contacts[1]}&format=json");

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        answer.Header("Content-Disposition").Should().Contain($"subject-{Math.Min(contacts[0], contacts[1])}-{Math.Max(contacts[0], contacts[1])}-");
        answer.Header("Cache-Control").Should().Be("no-store");
        var json = answer.Json;
        var expected = await demo.ScalarAsync(
            "SELECT COUNT(*) FROM Interactions WHERE ContactId IN (SELECT value FROM json_each(@c))", ("@c", PrivacyDemoFixture.Ids(contacts)));
        json.GetProperty("interactions").EnumerateArray().Count(i => i.GetProperty("ContactId").ValueKind == System.Text.Json.JsonValueKind.Number)
            .Should().Be(Convert.ToInt32(expected, System.Globalization.CultureInfo.InvariantCulture));
        json.GetProperty("counts").GetProperty("contacts").GetInt32().Should().Be(2);
        json.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("Id").GetInt64()).Should().BeEquivalentTo(contacts);
    }

    [Fact]
    public async Task Export_Csv_IsAZip()
    {
        var contact = (await demo.BusiestContactsAsync(1))[0];

        using var response = await demo.Client.GetAsync($"/api/subjects/export?contacts={contact}&format=csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        zip.GetEntry("Contacts.csv").Should().NotBeNull();
    }

    [Theory]
    [InlineData("/api/subjects/export?contacts=99999999", "There is no contact 99999999")]
    [InlineData("/api/subjects/export?contacts=1,99999999&format=csv", "There is no contact 99999999")]
    public async Task Export_UnknownContact_Answers404(string url, string message)
    {
        var answer = await demo.Client.SendJsonAsync(HttpMethod.Get, url);

        answer.Status.Should().Be(HttpStatusCode.NotFound, answer.Body);
        answer.Body.Should().Contain(message);
    }

    [Fact]
    public async Task Export_ContactOfAWorkspaceTheKeyCannotSee_Answers404()
    {
        var contact = (await demo.BusiestContactsAsync(1))[0];
        var other = await demo.ScalarAsync("INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES ('Other', 'UTC', '2026-01-01T00:00:00.0000000Z') RETURNING Id");
        using var scoped = await demo.ClientWithKeyAsync("Admin", Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture));

        var answer = await scoped.SendJsonAsync(HttpMethod.Get, $"/api/subjects/export?contacts={contact}");

        answer.Status.Should().Be(HttpStatusCode.NotFound, "a row of another workspace answers 404, not 403");
    }

    [Theory]
    [InlineData("/api/subjects/export", "Name the contacts")]
    [InlineData("/api/subjects/export?contacts=abc", "'abc' is not a list of contact Ids")]
    [InlineData("/api/subjects/export?contacts=1&format=xml", "Unknown format 'xml'")]
    [InlineData("/api/subjects/export?contacts=0", "positive whole numbers")]
    public async Task Export_BadInput_Answers400WithWhatToSend(string url, string message)
    {
        var answer = await demo.Client.SendJsonAsync(HttpMethod.Get, url);

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.Body);
        answer.Body.Should().Contain(message);
    }

    [Theory]
    [InlineData("{\"contacts\": [1]}", "Give a reason")]
    [InlineData("{\"reason\": \"case 1\"}", "Name the contacts")]
    [InlineData("{\"contacts\": \"1,2\", \"reason\": \"case 1\"}", "The body must be JSON like")]
    [InlineData("not json", "The body must be JSON like")]
    public async Task Erase_BadInput_Answers400AndErasesNothing(string body, string message)
    {
        var answer = await demo.Client.SendJsonAsync(HttpMethod.Post, "/api/subjects/erase", body);

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.Body);
        answer.Body.Should().Contain(message);
        (await demo.ScalarAsync("SELECT COUNT(*) FROM Tombstones")).Should().Be(0L);
    }

    [Theory]
    [InlineData("Analyst")]
    [InlineData("Editor")]
    public async Task NonAdminKeys_Answer403(string role)
    {
        var contact = (await demo.BusiestContactsAsync(1))[0];
        var workspace = await demo.ScalarAsync($"SELECT WorkspaceId FROM Contacts WHERE Id = {contact}");
        using var client = await demo.ClientWithKeyAsync(role, Convert.ToString(workspace, System.Globalization.CultureInfo.InvariantCulture));

        var export = await client.SendJsonAsync(HttpMethod.Get, $"/api/subjects/export?contacts={contact}");
        var erase = await client.SendJsonAsync(HttpMethod.Post, "/api/subjects/erase", new { contacts = new[] { contact }, reason = "case 1" });

        export.Status.Should().Be(HttpStatusCode.Forbidden);
        erase.Status.Should().Be(HttpStatusCode.Forbidden);
        erase.Body.Should().Contain("needs the Admin role");
        (await demo.ScalarAsync("SELECT COUNT(*) FROM Tombstones")).Should().Be(0L);
    }
}
