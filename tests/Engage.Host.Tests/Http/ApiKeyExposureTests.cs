using System.Net;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Http;

/// <summary>The key sent as a query parameter (Power BI's Web API credential) is used, never repeated.</summary>
public sealed class ApiKeyExposureTests
{
    [Fact]
    public async Task QueryParameterKey_GoodAndBadRequests_NeverEchoedInContextErrorsOrLogs()
    {
        using var factory = new EngageAppFactory();
        factory.Settings["Engage:Scheduler:Enabled"] = "false";
        using var anonymous = factory.CreateClient();
        var key = factory.AdminKey;
        var encoded = Uri.EscapeDataString(key);
        var bodies = new List<string>();

        foreach (var url in new[]
                 {
                     $"/odata/Posts?$top=1&api_key={encoded}",
                     $"/odata/Posts?$filter=Nope eq 1&api_key={encoded}",
                     $"/odata/Posts?$filter=Text eq 'unterminated&api_key={encoded}",
                     $"/odata/NoSuchSet?api_key={encoded}",
                     $"/odata/Posts(999999)?api_key={encoded}",
                     $"/odata/Posts?api_key={encoded}x",
                 })
        {
            using var response = await anonymous.GetAsync(url);
            response.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError, url);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        bodies[0].Should().Contain("\"@odata.context\"").And.NotContain("api_key");
        bodies.Skip(1).Should().OnlyContain(b => b.Contains("\"error\""), "each bad request answers an error body");
        bodies.Should().NotContain(b => b.Contains(key) || b.Contains(encoded));
        factory.Logs.Lines.Should().NotBeEmpty();
        factory.Logs.Lines.Should().NotContain(l => l.Contains(key) || l.Contains(encoded), "no log line may carry the key");
    }
}
