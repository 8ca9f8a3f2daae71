using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

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

    /// <summary>A GET with Power Query's headers; <paramref name="url"/> is sent exactly as given (no re-encoding).</summary>
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
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("excel:" + key)));
        }

        foreach (var (name, value) in extra)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>Sends a Power Query GET with a client that does not add its own auth header.</summary>
    public static async Task<PowerQueryResponse> SendAsync(DemoFixture demo, string url, params (string Name, string Value)[] extra)
    {
        using var client = demo.Factory.CreateClient();
        using var request = Get(url, demo.Factory.AdminKey, extra);
        using var response = await client.SendAsync(request);
        return await PowerQueryResponse.ReadAsync(response);
    }

    /// <summary>Sends a Power Query GET and expects 200 with a JSON body.</summary>
    public static async Task<JsonElement> GetJsonAsync(DemoFixture demo, string url, params (string Name, string Value)[] extra)
    {
        var response = await SendAsync(demo, url, extra);
        response.Status.Should().Be(System.Net.HttpStatusCode.OK, response.Body);
        return response.Json;
    }
}
