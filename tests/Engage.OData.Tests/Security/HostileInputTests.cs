using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Security;

public sealed class HostileInputTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    public static TheoryData<string, int> Requests => new()
    {
        { "odata/Orders?$filter=foo(Product)", 400 },
        { "odata/Orders?$filter=Product eq ''; DROP TABLE \"Orders\"; --", 400 },
        { "odata/Orders?$filter=Product eq 'x' or 1 eq 1; DELETE FROM Orders", 400 },
        { "odata/Orders?$orderby=Id; DROP TABLE Orders", 400 },
        { "odata/Orders?$select=Id; DROP TABLE Orders", 400 },
        { "odata/Orders?$filter=Product eq '" + new string('a', 20_000) + "'", 400 },
        { "odata/Orders?$filter=" + new string('(', 1000) + "Id eq 1" + new string(')', 1000), 400 },
        { "odata/Orders?$filter=" + string.Join(" or ", Enumerable.Range(1, 600).Select(i => $"Id eq {i}")), 400 },
        { "odata/Orders?$filter=" + string.Concat(Enumerable.Repeat("not ", 600)) + "Paid", 400 },
        { "odata/Orders?$skiptoken=abc", 400 },
        { "odata/Orders?$skiptoken=%25%25%00", 400 },
        { "odata/Orders?$filter=Nope eq 1", 400 },
        { "odata/Orders?$select=Nope", 400 },
        { "odata/Orders?$orderby=Nope", 400 },
        { "odata/Orders?$filter=Id eq 'x'", 400 },
        { "odata/Orders?$filter=ShippedAt gt 2024-01-01T00:00:00+02:00", 400 },
        { "odata/Orders?$filter=Id eq 1&$filter=Id eq 2", 400 },
        { "odata/Orders?$top=-1", 400 },
        { "odata/Orders?$top=abc", 400 },
        { "odata/Orders?$skip=99999999999999999999999", 400 },
        { "odata/Orders?$count=maybe", 400 },
        { "odata/Orders?$orderby=Id desc desc", 400 },
        { "odata/Orders(abc)", 400 },
        { "odata/Orders(1,2)", 400 },
        { "odata/Orders?$format=xml", 406 },
        { "odata/Orders?$filter=cast(Id,Edm.String) eq '1'", 501 },
        { "odata/Orders?$filter=ShippedAt add duration'P1D' gt 2024-01-01T00:00:00Z", 501 },
        { "odata/Orders?$filter=-ShippedAt gt 2", 400 },
        { "odata/Orders?$expand=Customer/$ref", 501 },
        { "odata/Orders?$select=Customer", 501 },
        { "odata/Orders?$apply=expand(Customer,filter(Id gt 1))", 501 },
        { "odata/Orders?$search=note 1", 400 },
        { "odata/Orders(1)?$search=widget", 400 },
        { "odata/Orders?$compute=ShippedAt add duration'P1D' as Later", 501 },
        { "odata/Orders(1)/Customer/Name", 501 },
        { "odata/Orders(1)/Product", 501 },
        { "odata/$batch", 501 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Get_WithHostileInput_AnswersODataErrorAndLeavesTableIntact(string url, int expectedStatus)
    {
        var response = await _client.GetODataAsync(url);

        ((int)response.Status).Should().Be(expectedStatus, response.Body[..Math.Min(300, response.Body.Length)]);
        response.ContentType.Should().StartWith("application/json");
        response.ErrorCode.Should().NotBeNullOrEmpty();
        response.ErrorMessage.Should().NotBeNullOrEmpty();
        response.Header("OData-Version").Should().Equal("4.0");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"").Should().Be(TestDatabase.OrderCount);
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Customers\"").Should().Be(TestDatabase.CustomerCount);
    }

    [Theory]
    [InlineData("odata/Orders?$filter=cast(Id,Edm.String) eq '1'", "cast")]
    [InlineData("odata/Orders?$expand=Customer/$ref", "$ref")]
    [InlineData("odata/Orders?$apply=expand(Customer,filter(Id gt 1))", "expand")]
    public async Task Get_WithUnimplementedConstruct_SaysNotSupportedYet(string url, string construct)
    {
        var response = await _client.GetODataAsync(url);

        response.Status.Should().Be(HttpStatusCode.NotImplemented);
        response.ErrorMessage.Should().Contain(construct).And.Contain("not supported yet");
    }

    [Fact]
    public async Task Get_WithInjectionInsideAValidString_IsJustAValue()
    {
        var response = await _client.GetODataAsync("odata/Orders?$filter=Product eq '''; DROP TABLE \"Orders\"; --'");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Rows.Should().BeEmpty();
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"").Should().Be(TestDatabase.OrderCount);
    }

    [Fact]
    public async Task Get_WithUnknownCustomOption_IgnoresIt()
    {
        var response = await _client.GetODataAsync("odata/Orders?$top=1&api_key=secret&foo=bar");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body.Should().NotContain("secret");
    }
}
