using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Engage.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Host.Tests.Hosting;

/// <summary>
/// The host on a real Kestrel loopback port (the in-process TestServer has no request-line limit): a long OData
/// query reaches the engine, which answers it or refuses it with an OData error body, instead of Kestrel's bare 414.
/// </summary>
public sealed class KestrelRequestLineTests
{
    private const int ConfiguredDefault = 32 * 1024;

    [Fact]
    public async Task Get_QueryOf20000Characters_IsAnsweredByTheEngineNot414()
    {
        using var host = KestrelHost.Start(null);

        var aliases = await host.GetAsync(AliasQuery(20_000));
        var filter = await host.GetAsync(OrFilterQuery(20_000));

        aliases.Status.Should().Be(HttpStatusCode.OK, aliases.Body);
        aliases.Json.GetProperty("@odata.context").GetString().Should().EndWith("$metadata#Interactions(Id)");
        aliases.Json.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Array);
        filter.Status.Should().Be(HttpStatusCode.BadRequest, "one option longer than the engine's option limit");
        filter.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("longer than");
    }

    [Fact]
    public async Task Get_QueryBeyondTheConfiguredLimit_Answers400WithAnODataErrorOr414NeverA500()
    {
        using var host = KestrelHost.Start(null);

        var overEngine = await host.GetAsync(AliasQuery(ConfiguredDefault + 100));
        var overLine = await host.GetAsync(AliasQuery(3 * ConfiguredDefault));

        overEngine.Status.Should().Be(HttpStatusCode.BadRequest, "past MaxQueryStringLength the engine refuses, inside Kestrel's line limit");
        overEngine.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain($"longer than {ConfiguredDefault}");
        overLine.Status.Should().BeOneOf(HttpStatusCode.RequestUriTooLong, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_WithAHigherConfiguredLimit_KestrelFollowsIt()
    {
        using var host = KestrelHost.Start(64 * 1024);

        var response = await host.GetAsync(AliasQuery(60_000));

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
    }

    /// <summary>
    /// <c>$select=Id&amp;$filter=Kind ne @p0 and …&amp;@p0='xxx…'</c>: at least <paramref name="length"/> characters, each
    /// option below the engine's 8 KB option limit, so the engine answers 200 while the query string is within its limit.
    /// </summary>
    private static string AliasQuery(int length)
    {
        var count = (length / 6_000) + 1;
        var names = Enumerable.Range(0, count).Select(i => "@p" + i).ToList();
        var query = new StringBuilder("$select=Id&$filter=").Append(Uri.EscapeDataString(string.Join(" and ", names.Select(n => "Kind ne " + n))));
        foreach (var name in names)
        {
            query.Append('&').Append(name).Append("='").Append('x', Math.Min(6_000, Math.Max(1, length - query.Length))).Append('\'');
        }

        query.Length.Should().BeGreaterThanOrEqualTo(length);
        return "/odata/Interactions?" + query;
    }

    /// <summary>What Power Query sends for a long list of values: one <c>$filter</c> of or-ed comparisons.</summary>
    private static string OrFilterQuery(int length)
    {
        var filter = new StringBuilder("Id eq 0");
        for (var i = 1; filter.Length < length; i++)
        {
            filter.Append(" or Id eq ").Append(i);
        }

        return "/odata/Interactions?$select=Id&$filter=" + Uri.EscapeDataString(filter.ToString());
    }

    private sealed record Answer(HttpStatusCode Status, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    /// <summary>The real host through WebApplicationFactory on Kestrel, port chosen by the system, with a socket client.</summary>
    private sealed class KestrelHost : IDisposable
    {
        private readonly EngageAppFactory _factory;
        private readonly HttpClient _client;

        private KestrelHost(EngageAppFactory factory, HttpClient client)
        {
            _factory = factory;
            _client = client;
        }

        public static KestrelHost Start(int? maxQueryStringLength)
        {
            var factory = new EngageAppFactory();
            factory.Settings["Engage:Demo:Enabled"] = "false";
            factory.Settings["Engage:Scheduler:Enabled"] = "false";
            if (maxQueryStringLength is { } limit)
            {
                factory.Settings["Engage:OData:MaxQueryStringLength"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            factory.UseKestrel(0);
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            new Uri(address).IsLoopback.Should().BeTrue("a real socket on the loopback interface");
            var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.AdminKey);
            return new KestrelHost(factory, client);
        }

        public async Task<Answer> GetAsync(string url)
        {
            using var response = await _client.GetAsync(url);
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public void Dispose()
        {
            _client.Dispose();
            _factory.Dispose();
        }
    }
}
