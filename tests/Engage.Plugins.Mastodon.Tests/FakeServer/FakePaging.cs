using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Mastodon.Tests.FakeServer;

/// <summary>
/// Mastodon's paging (networks.md §1.3): newest first; <c>max_id</c> = older than, <c>since_id</c> = newer than (the
/// newest page), <c>min_id</c> = immediately newer than; <c>limit</c> clamped to the endpoint's maximum; a <c>Link</c>
/// header with <c>rel="next"</c> (max_id = the page's oldest key) and <c>rel="prev"</c> (min_id = its newest key) when the
/// page is not empty. The keys may be hidden (followers, conversations): the body ids are then not the paging keys.
/// </summary>
internal static class FakePaging
{
    public static IReadOnlyList<JsonObject> Page(
        HttpContext http, Uri baseUri, IEnumerable<(string Key, JsonObject Item)> items, int defaultLimit, int maxLimit)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, maxLimit) : defaultLimit;
        var sorted = items.OrderByDescending(i => i.Key, KeyOrder.Instance).ToList();
        List<(string Key, JsonObject Item)> page;
        if (query["min_id"].FirstOrDefault() is { } min)
        {
            page = sorted.Where(i => KeyOrder.Instance.Compare(i.Key, min) > 0).Reverse().Take(limit).Reverse().ToList();
        }
        else
        {
            IEnumerable<(string Key, JsonObject Item)> filtered = sorted;
            if (query["max_id"].FirstOrDefault() is { } max)
            {
                filtered = filtered.Where(i => KeyOrder.Instance.Compare(i.Key, max) < 0);
            }

            if (query["since_id"].FirstOrDefault() is { } since)
            {
                filtered = filtered.Where(i => KeyOrder.Instance.Compare(i.Key, since) > 0);
            }

            page = filtered.Take(limit).ToList();
        }

        if (page.Count > 0)
        {
            var path = new Uri(baseUri, http.Request.Path.Value).ToString();
            http.Response.Headers.Append("Link",
                $"<{path}?limit={limit}&max_id={page[^1].Key}>; rel=\"next\", <{path}?limit={limit}&min_id={page[0].Key}>; rel=\"prev\"");
        }

        return page.Select(p => p.Item).ToList();
    }

    /// <summary>Snowflake-style ids: numeric ones compare as numbers (a longer id is larger).</summary>
    public sealed class KeyOrder : IComparer<string>
    {
        public static KeyOrder Instance { get; } = new();

        public int Compare(string? x, string? y) =>
            x!.Length != y!.Length && x.All(char.IsAsciiDigit) && y.All(char.IsAsciiDigit) ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
    }
}
