using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Engage.OData.Tests.Differential;

/// <summary>Runs a generated query against the engine (every page, following next links) and compares it with the evaluator.</summary>
internal static class DifferentialRunner
{
    private const int MaxPages = 60;
    private static readonly int?[] PageSizes = [null, 1, 3, 7, 25, 64, 250];

    /// <summary>Picks a <c>Prefer: odata.maxpagesize</c> (or none) that keeps the number of pages bounded.</summary>
    public static int? PickPageSize(Random random, int expectedRows)
    {
        var fitting = PageSizes.Where(size => Math.Ceiling(expectedRows / (double)Math.Min(size ?? int.MaxValue, DifferentialServerFixture.ServerPageSize)) <= 40).ToList();
        return fitting[random.Next(fitting.Count)];
    }

    /// <summary>
    /// Runs one seeded batch: <paramref name="count"/> queries from <paramref name="next"/>, each with a page size picked for
    /// its expected size, compared page by page; returns a line per disagreement (with the seed to reproduce it).
    /// </summary>
    public static async Task<List<string>> RunBatchAsync(
        HttpClient client, IReadOnlyList<SampleRow> rows, int seed, int count, Func<Random, GeneratedQuery> next)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var query = next(random);
            var expected = query.Evaluate(rows);
            query.MaxPageSize = PickPageSize(random, expected.Rows.Count);

            var difference = await CompareAsync(client, query, expected);

            if (difference is not null)
            {
                failures.Add($"seed {seed}, query {i}: GET {Uri.UnescapeDataString(query.ToString())}\n    {difference}");
            }
        }

        return failures;
    }

    /// <summary>Returns null when the engine agrees with the evaluator, otherwise what differs.</summary>
    public static async Task<string?> CompareAsync(HttpClient client, GeneratedQuery query, ExpectedResult expected)
    {
        if (query.CountSegment)
        {
            var (status, body) = await GetAsync(client, query.Url(), null);
            return status != HttpStatusCode.OK ? $"answered {(int)status}: {body}"
                : body.Trim() != expected.Count.ToString(CultureInfo.InvariantCulture) ? $"$count is {body.Trim()}, expected {expected.Count}"
                : null;
        }

        var rows = new List<JsonElement>();
        string? next = query.Url();
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages)
            {
                return $"more than {MaxPages} pages";
            }

            var (status, body) = await GetAsync(client, next, query.MaxPageSize);
            if (status != HttpStatusCode.OK)
            {
                return $"page {page} ({next}) answered {(int)status}: {body}";
            }

            var root = JsonDocument.Parse(body).RootElement;
            var hasCount = root.TryGetProperty("@odata.count", out var count);
            if (query.Count && page == 0 && !hasCount)
            {
                return "no @odata.count on the first page";
            }

            if (hasCount && (!query.Count || count.GetInt64() != expected.Count))
            {
                return $"page {page}: @odata.count is {count}, expected {(query.Count ? expected.Count : "none")}";
            }

            rows.AddRange(root.GetProperty("value").EnumerateArray());
            next = root.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return CompareRows(rows, expected);
    }

    private static string? CompareRows(List<JsonElement> actual, ExpectedResult expected)
    {
        for (var i = 0; i < Math.Min(actual.Count, expected.Rows.Count); i++)
        {
            var names = actual[i].EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).Order(StringComparer.Ordinal);
            if (!names.SequenceEqual(expected.Columns.Select(c => c.Name).Order(StringComparer.Ordinal)))
            {
                return $"row {i} has properties [{string.Join(",", names)}], expected [{string.Join(",", expected.Columns.Select(c => c.Name))}]";
            }

            foreach (var column in expected.Columns)
            {
                var value = column.Get(expected.Rows[i]);
                if (!JsonValueMatcher.Matches(column.Kind, actual[i].GetProperty(column.Name), value))
                {
                    return $"row {i} (expected Id {expected.Rows[i].Id}): {column.Name} is {actual[i].GetProperty(column.Name).GetRawText()}, expected {JsonValueMatcher.Describe(value)}"
                        + $"; engine row {actual[i].GetRawText()}";
                }
            }
        }

        return actual.Count == expected.Rows.Count ? null
            : $"{actual.Count} rows, expected {expected.Rows.Count} (expected Ids {string.Join(",", expected.Rows.Take(12).Select(r => r.Id))}...)";
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url, int? maxPageSize)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (maxPageSize is { } size)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={size}");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
