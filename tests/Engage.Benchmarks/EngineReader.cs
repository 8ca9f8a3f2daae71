using System.Net;

namespace Engage.Benchmarks;

/// <summary>Reads engine answers over HTTP the way a lean client would: streamed, counted, never parsed into objects.</summary>
internal sealed class EngineReader(HttpClient client)
{
    public async Task<FeedPage> GetPageAsync(string url, int? maxPageSize = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (maxPageSize is { } size)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={size}");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new EngineAnswerException(response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        await using var stream = await response.Content.ReadAsStreamAsync();
        return await FeedStreamReader.ReadAsync(stream, CancellationToken.None);
    }

    /// <summary>Follows next links to the end; returns the rows and the pages read.</summary>
    public async Task<(long Rows, int Pages)> ReadAllAsync(string url, int maxPageSize)
    {
        long rows = 0;
        var pages = 0;
        string? next = url;
        while (next is not null)
        {
            var page = await GetPageAsync(next, maxPageSize);
            rows += page.Rows;
            pages++;
            next = page.NextLink;
        }

        return (rows, pages);
    }
}
