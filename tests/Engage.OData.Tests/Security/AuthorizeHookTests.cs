using System.Net;
using Engage.OData.Tests.Support;
using Engage.OData.Tests.Writes;

namespace Engage.OData.Tests.Security;

/// <summary>
/// The host's <c>Authorize</c> hook: every endpoint consults it for every set it touches, before any SQL runs, and a
/// refusal answers 403 with the hook's message as an OData error.
/// </summary>
public sealed class AuthorizeHookTests(AuthorizeServerFixture fixture) : IClassFixture<AuthorizeServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    public static TheoryData<string, string, string?, string> Refusals => new()
    {
        // method, url, body, the access refused
        { "GET", "odata/Orders", null, "Orders:Read" },
        { "GET", "odata/Orders(5)", null, "Orders:Read" },
        { "GET", "odata/Orders/$count", null, "Orders:Read" },
        { "GET", "odata/Orders?$count=true&$top=1", null, "Orders:Read" },
        { "GET", "odata/Orders?$apply=groupby((Product),aggregate($count as N))", null, "Orders:Read" },
        { "GET", "odata/Orders/$count?$apply=groupby((Product))", null, "Orders:Read" },
        { "GET", "odata/Orders?$apply=groupby((Customer/Name))", null, "Customers:Read" },
        { "GET", "odata/Orders?$expand=Customer", null, "Customers:Read" },
        { "GET", "odata/Customers?$expand=Orders($select=Id)", null, "Orders:Read" },
        { "GET", "odata/Customers(1)?$expand=Orders", null, "Orders:Read" },
        { "GET", "odata/Customers(1)/Orders", null, "Orders:Read" },
        { "GET", "odata/Customers(1)/Orders", null, "Customers:Read" },
        { "GET", "odata/Customers(1)/Orders/$count", null, "Customers:Read" },
        { "GET", "odata/Orders(5)/Customer", null, "Customers:Read" },
        { "GET", "odata/Orders(5)/Customer", null, "Orders:Read" },
        { "GET", "odata/Customers?$filter=Orders/any(o: o/Paid)", null, "Orders:Read" },
        { "GET", "odata/Orders?$filter=Customer/Name eq 'Customer 1'", null, "Customers:Read" },
        { "GET", "odata/Orders?$orderby=Customer/Name", null, "Customers:Read" },
        { "POST", "odata/Orders", """{"CustomerId":1,"Product":"Widget","Amount":1,"Quantity":1,"OrderDate":"2024-01-01"}""", "Orders:Insert" },
        { "PATCH", "odata/Orders(7)", """{"Note":"x"}""", "Orders:Update" },
        { "PATCH", "odata/Orders(7)", """{"Note":"x","Quantity":2}""", "Orders:Update:Quantity" },
        { "POST", "odata/Orders", """{"CustomerId":1,"Product":"Widget","Amount":1,"Quantity":1,"OrderDate":"2024-01-01","Note":"n"}""", "Orders:Insert:Note" },
        { "DELETE", "odata/Orders(15)", null, "Orders:Delete" },
        { "POST", "odata/Orders(9)/Test.Shop.Ship", """{"Carrier":"DHL"}""", "Orders:Action:Test.Shop.Ship" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Request_RefusedByTheHook_Answers403WithItsMessageBeforeAnySql(string method, string url, string? body, string denied)
    {
        var before = fixture.Database.Fingerprint();
        var opened = fixture.Opened;

        var response = await _client.SendAsync(new HttpMethod(method), url, body, (AuthorizeServerFixture.DenyHeader, denied));

        response.Status.Should().Be(HttpStatusCode.Forbidden, response.Body);
        response.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("Forbidden");
        var refused = denied.Split(':') is [var set, var kind, var _] && kind != "Action" ? $"{set}:{kind}" : denied;
        response.Json.GetProperty("error").GetProperty("message").GetString().Should().Be($"The test role may not do '{refused}'.");
        fixture.Opened.Should().Be(opened, "a refused request opens no connection, so no SQL runs");
        fixture.Database.Fingerprint().Should().Be(before);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Request_AllowedByTheHook_IsNotRefused(string method, string url, string? body, string denied)
    {
        _ = denied;

        var response = await _client.SendAsync(new HttpMethod(method), url, body);

        response.Status.Should().NotBe(HttpStatusCode.Forbidden, response.Body);
        ((int)response.Status).Should().BeLessThan(300, response.Body);
    }

    [Fact]
    public async Task Get_WithExpandAndLambda_AsksForEverySetItReads()
    {
        var asked = await AskedDuringAsync(() => _client.GetODataAsync("odata/Customers?$expand=Orders&$filter=Orders/any(o: o/Paid)"));

        asked.Should().Contain("Customers:Read").And.Contain("Orders:Read");
        asked.Should().OnlyContain(a => a.EndsWith(":Read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patch_AsksBeforeTheBodyAndAgainWithItsProperties()
    {
        var asked = await AskedDuringAsync(() => _client.SendAsync(HttpMethod.Patch, "odata/Orders(11)", """{"Note":"n","Quantity":3}"""));

        asked.Should().Equal("Orders:Update", "Orders:Update (Note,Quantity)");
    }

    [Fact]
    public async Task Post_Action_AsksForTheActionByName()
    {
        var asked = await AskedDuringAsync(() => _client.SendAsync(HttpMethod.Post, "odata/Orders(12)/Test.Shop.Ship", """{"Carrier":"UPS"}"""));

        asked.Should().Equal("Orders:Action:Test.Shop.Ship");
    }

    [Fact]
    public async Task Patch_HookForbidsAValue_Answers403AndChangesNothing()
    {
        var before = fixture.Database.Fingerprint();

        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(13)", $$"""{"Note":"{{WriteTestService.RoleRefusedNote}}"}""");

        response.Status.Should().Be(HttpStatusCode.Forbidden, response.Body);
        response.Json.GetProperty("error").GetProperty("message").GetString().Should().Be("Only a supervisor may write that note.");
        fixture.Database.Fingerprint().Should().Be(before);
    }

    [Fact]
    public async Task Get_ReadOnlySetWithWriteRefused_StillAnswers405NotForbidden()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Customers", """{"Name":"x"}""", (AuthorizeServerFixture.DenyHeader, "Customers:Insert"));

        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    private async Task<List<string>> AskedDuringAsync(Func<Task<ODataResponse>> send)
    {
        while (fixture.Asked.TryDequeue(out _))
        {
        }

        var response = await send();
        ((int)response.Status).Should().BeLessThan(300, response.Body);
        return [.. fixture.Asked];
    }
}
