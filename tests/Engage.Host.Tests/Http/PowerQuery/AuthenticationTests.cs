using System.Net;
using System.Net.Http.Headers;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// The credentials Excel and Power BI offer for an OData feed (odata-for-bi.md §0 rule 11, §2.8, and the §2.5 row
/// "credential type isn't supported for this resource"). Anonymous and Organizational account are answered with a
/// 401 challenge (the service requires a key and has no Entra ID sign-in); Basic and Web API key work.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class AuthenticationTests(PowerQueryDemoFixture demo)
{
    [Fact]
    public async Task Rule11_Anonymous_Answers401WithChallengesAndAnODataError()
    {
        var response = await PowerQueryClient.SendAsync(demo, PowerQueryClient.Get("/odata/", key: null));

        response.Status.Should().Be(HttpStatusCode.Unauthorized);
        response.Header("WWW-Authenticate").Should().Contain(h => h.StartsWith("Basic realm=", StringComparison.Ordinal));
        response.Header("WWW-Authenticate").Should().Contain(h => h.StartsWith("Bearer", StringComparison.Ordinal));
        response.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("api_key");
    }

    [Theory]
    [InlineData("excel")]
    [InlineData("")]
    [InlineData("DOMAIN\\someone")]
    public async Task Rule11_Basic_AnyUserNameWithTheKeyAsPassword_IsAccepted(string user)
    {
        var request = PowerQueryClient.Get("/odata/Posts?$top=1", key: null);
        request.Headers.Authorization = PowerQueryClient.BasicCredential(user, demo.Factory.AdminKey);

        var response = await PowerQueryClient.SendAsync(demo, request);

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
    }

    [Fact]
    public async Task Rule11_Basic_WrongPassword_Answers401()
    {
        var request = PowerQueryClient.Get("/odata/Posts?$top=1", key: null);
        request.Headers.Authorization = PowerQueryClient.BasicCredential("excel", "engage_" + new string('x', 43));

        (await PowerQueryClient.SendAsync(demo, request)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rule11_WebApiKey_AsApiKeyParameterOnEveryRequest_WorksAcrossPagesAndIsNeverEchoed()
    {
        var key = Uri.EscapeDataString(demo.Factory.AdminKey);
        var first = await PowerQueryClient.SendAsync(demo, PowerQueryClient.Get($"/odata/Interactions?$select=Id&api_key={key}", key: null));

        first.Status.Should().Be(HttpStatusCode.OK, first.Body);
        var json = first.Json;
        json.GetProperty("@odata.context").GetString().Should().NotContain("api_key").And.NotContain(demo.Factory.AdminKey);
        var next = json.GetProperty("@odata.nextLink").GetString()!;
        var nextWithKey = next.Contains("api_key=", StringComparison.Ordinal) ? next : next + "&api_key=" + key;
        var second = await PowerQueryClient.SendAsync(demo, PowerQueryClient.Get(nextWithKey, key: null));
        second.Status.Should().Be(HttpStatusCode.OK, "Power Query appends the key to the next link it follows");
        second.Json.GetProperty("@odata.context").GetString().Should().NotContain(demo.Factory.AdminKey);

        var error = await PowerQueryClient.SendAsync(demo, PowerQueryClient.Get($"/odata/Interactions?$filter=Nope%20eq%201&api_key={key}", key: null));
        error.Status.Should().Be(HttpStatusCode.BadRequest);
        error.Body.Should().NotContain(demo.Factory.AdminKey).And.NotContain(key);
    }

    [Fact]
    public async Task Row_OrganizationalAccount_EmptyBearer_Answers401WithABearerChallenge()
    {
        var request = PowerQueryClient.Get("/odata/", key: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer");

        var response = await PowerQueryClient.SendAsync(demo, request);

        response.Status.Should().Be(HttpStatusCode.Unauthorized);
        response.Header("WWW-Authenticate").Should().Contain(h => h.StartsWith("Bearer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rule11_BearerKey_FromScripts_IsAccepted()
    {
        var request = PowerQueryClient.Get("/odata/Posts/$count", key: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", demo.Factory.AdminKey);

        (await PowerQueryClient.SendAsync(demo, request)).Status.Should().Be(HttpStatusCode.OK);
    }
}
