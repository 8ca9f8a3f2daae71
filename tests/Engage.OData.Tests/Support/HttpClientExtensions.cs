namespace Engage.OData.Tests.Support;

/// <summary>GET helpers for the tests.</summary>
internal static class HttpClientExtensions
{
    public static async Task<ODataResponse> GetODataAsync(this HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        // Read the raw Content-Type before the content is read (reading parses and re-formats it).
        var contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;
        var body = await response.Content.ReadAsStringAsync();
        return new ODataResponse(response, body, contentType);
    }

    /// <summary>Follows <c>@odata.nextLink</c> to the end and returns every page.</summary>
    public static async Task<IReadOnlyList<ODataResponse>> GetAllPagesAsync(this HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        var pages = new List<ODataResponse>();
        string? next = url;
        while (next is not null)
        {
            var page = await client.GetODataAsync(next, headers);
            page.Status.Should().Be(System.Net.HttpStatusCode.OK, page.Body);
            pages.Add(page);
            next = page.NextLink;
            pages.Count.Should().BeLessThan(1000, "paging must end");
        }

        return pages;
    }
}
