using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// Requests exactly as Power Query's <c>OData.Feed</c> (Excel, Power BI) sends them (odata-for-bi.md §2.2): its
/// User-Agent, Accept, <c>OData-MaxVersion: 4.0</c> with <c>MaxDataServiceVersion: 3.0</c>, gzip/deflate, and the key as a
/// Basic credential (any user name, the key as password), which is what the Basic and Key credentials send.
/// </summary>
internal static class PowerQueryClient
{
    public const string UserAgent = "Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)";

    public const string Accept =
        "application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,"
        + "application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7";

    /// <summary>
    /// A GET with Power Query's headers and, when <paramref name="key"/> is given, its Basic credential. <paramref name="url"/>
    /// is sent as given (percent-encoding kept); <paramref name="extra"/> headers replace Power Query's of the same name.
    /// </summary>
    public static HttpRequestMessage Get(string url, string? key, params (string Name, string Value)[] extra)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.RelativeOrAbsolute));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("MaxDataServiceVersion", "3.0");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate");
        if (key is not null)
        {
            request.Headers.Authorization = BasicCredential("excel", key);
        }

        foreach (var (name, value) in extra)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>HTTP Basic: what Power Query sends for the Basic credential, and for a Key credential (empty user name).</summary>
    public static AuthenticationHeaderValue BasicCredential(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    /// <summary>Sends a Power Query GET with the demo's admin key as the Basic password.</summary>
    public static Task<PowerQueryResponse> SendAsync(DemoFixture demo, string url, params (string Name, string Value)[] extra) =>
        SendAsync(demo, Get(url, demo.Factory.AdminKey, extra));

    /// <summary>Sends a request with a client that adds no header of its own.</summary>
    public static async Task<PowerQueryResponse> SendAsync(DemoFixture demo, HttpRequestMessage request)
    {
        using var client = demo.Factory.CreateClient();
        using (request)
        {
            using var response = await client.SendAsync(request);
            return await PowerQueryResponse.ReadAsync(response);
        }
    }

    /// <summary>Sends a Power Query GET and expects 200 with a JSON body.</summary>
    public static async Task<JsonElement> GetJsonAsync(DemoFixture demo, string url, params (string Name, string Value)[] extra)
    {
        var response = await SendAsync(demo, url, extra);
        response.Status.Should().Be(HttpStatusCode.OK, url + ": " + response.Body);
        return response.Json;
    }

    /// <summary>Follows <c>@odata.nextLink</c> from <paramref name="url"/> to the end, as Power Query does; returns every page.</summary>
    public static async Task<List<JsonElement>> ReadAllPagesAsync(DemoFixture demo, string url, int maxPages = 1000)
    {
        var pages = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            pages.Count.Should().BeLessThan(maxPages, "the next links must end");
            var page = await GetJsonAsync(demo, next);
            pages.Add(page);
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return pages;
    }

    /// <summary>Reads <c>$metadata</c> as Power Query does and parses it with <c>CsdlReader</c>.</summary>
    public static async Task<IEdmModel> ReadModelAsync(DemoFixture demo)
    {
        var response = await SendAsync(demo, "/odata/$metadata");
        response.Status.Should().Be(HttpStatusCode.OK);
        using var reader = XmlReader.Create(new StringReader(response.Body));
        CsdlReader.TryParse(reader, out var model, out var errors).Should().BeTrue(string.Join("; ", errors ?? []));
        return model;
    }
}
