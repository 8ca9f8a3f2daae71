using System.Net;
using System.Text.Json;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>Reads as one scoped principal and checks that every row (and every expanded row) belongs to workspace A.</summary>
internal sealed class ScopedReader(IsolationFixture fixture, string principal)
{
    public HttpClient Client => fixture.Client(principal);

    public async Task<JsonAnswer> GetAsync(string url, params (string, string)[] headers)
    {
        var answer = await Client.SendJsonAsync(HttpMethod.Get, url, null, headers);
        return answer;
    }

    /// <summary>GETs a feed (200 required) and returns its rows after checking each one.</summary>
    public async Task<(List<JsonElement> Rows, JsonElement Json)> FeedAsync(string set, string url, params (string, string)[] headers)
    {
        var answer = await GetAsync(url, headers);
        answer.Status.Should().Be(HttpStatusCode.OK, $"{principal}: {url}: {answer.Body}");
        var json = answer.Json;
        var rows = json.GetProperty("value").EnumerateArray().ToList();
        foreach (var row in rows)
        {
            RequireInA(set, row, url);
        }

        return (rows, json);
    }

    /// <summary>Follows next links from <paramref name="url"/> to the end; every row of every page checked.</summary>
    public async Task<List<JsonElement>> AllPagesAsync(string set, string url, params (string, string)[] headers)
    {
        var all = new List<JsonElement>();
        string? next = url;
        for (var page = 0; next is not null; page++)
        {
            page.Should().BeLessThan(10_000, "paging must end");
            var (rows, json) = await FeedAsync(set, next, headers);
            all.AddRange(rows);
            next = json.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return all;
    }

    /// <summary>The row's scope property is A, and so is that of every row nested under a navigation.</summary>
    public void RequireInA(string set, JsonElement row, string url)
    {
        if (IsolationModel.ScopeProperty(set) is { } property && row.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            value.GetInt64().Should().Be(fixture.A, $"{principal} read {set} with {url}: a row of another workspace appeared");
        }

        foreach (var (navigation, target, _) in IsolationModel.Navigations(set))
        {
            if (!row.TryGetProperty(navigation, out var nested))
            {
                continue;
            }

            foreach (var item in nested.ValueKind switch
                     {
                         JsonValueKind.Array => nested.EnumerateArray().ToList(),
                         JsonValueKind.Object => [nested],
                         _ => [],
                     })
            {
                RequireInA(target, item, url + $" (expanded {navigation})");
            }
        }
    }
}
