using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Functions;

/// <summary>Reads the ids of every page a query returns.</summary>
internal static class FunctionQueries
{
    public static async Task<List<long>> IdsAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        var pages = await client.GetAllPagesAsync(url, headers);
        return [.. pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64())];
    }
}
