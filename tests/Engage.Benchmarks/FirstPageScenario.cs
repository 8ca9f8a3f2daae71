using System.Globalization;

namespace Engage.Benchmarks;

/// <summary>(a) A filtered, ordered first page of 100 rows: engine over HTTP against the same statement run directly.</summary>
internal static class FirstPageScenario
{
    public static async Task RunAsync(EngineReader engine, DirectReader direct, BenchmarkOptions options, TextWriter output)
    {
        await RunOneAsync(
            "a1 Kind eq 'Comment' and CreatedDate ge 2026-01-01, orderby CreatedAt desc, top 100 (no usable index: full scan + sort)",
            "Interactions?$filter=Kind eq 'Comment' and CreatedDate ge 2026-01-01&$orderby=CreatedAt desc&$top=100",
            $"SELECT {DirectReader.Columns} FROM \"Interactions\" WHERE ((\"Kind\" = @k) AND (\"CreatedDate\" >= @d)) ORDER BY \"CreatedAt\" DESC, \"Id\" ASC LIMIT 100 OFFSET 0",
            [("@k", "Comment"), ("@d", "2026-01-01")],
            engine, direct, options, output);
        await RunOneAsync(
            "a2 WorkspaceId eq 3 and CreatedDate ge 2026-06-01, orderby CreatedAt desc, top 100 (index on WorkspaceId, CreatedDate)",
            "Interactions?$filter=WorkspaceId eq 3 and CreatedDate ge 2026-06-01&$orderby=CreatedAt desc&$top=100",
            $"SELECT {DirectReader.Columns} FROM \"Interactions\" WHERE ((\"WorkspaceId\" = @w) AND (\"CreatedDate\" >= @d)) ORDER BY \"CreatedAt\" DESC, \"Id\" ASC LIMIT 100 OFFSET 0",
            [("@w", 3L), ("@d", "2026-06-01")],
            engine, direct, options, output);
    }

    internal static async Task RunOneAsync(
        string title, string url, string sql, (string Name, object Value)[] parameters,
        EngineReader engine, DirectReader direct, BenchmarkOptions options, TextWriter output)
    {
        var engineRows = (await engine.GetPageAsync(url)).Rows;
        var directRows = direct.ReadAll(sql, parameters);
        if (engineRows != directRows)
        {
            throw new InvalidOperationException($"{title}: the engine returned {engineRows} rows, the direct query {directRows}.");
        }

        var engineTime = await Timing.MeasureAsync(() => engine.GetPageAsync(url), options.Warmup, options.Repetitions);
        var directTime = await Timing.MeasureAsync(() => Task.FromResult(direct.ReadAll(sql, parameters)), options.Warmup, options.Repetitions);
        var ratio = engineTime.Median / directTime.Median;
        output.WriteLine(title);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   rows {engineRows}; engine median {engineTime.Median:F2} ms (p90 {engineTime.P90:F2}); direct median {directTime.Median:F2} ms (p90 {directTime.P90:F2}); ratio {ratio:F2}x (target <= 1.5x: {(ratio <= 1.5 ? "met" : "NOT met")})"));
    }
}
