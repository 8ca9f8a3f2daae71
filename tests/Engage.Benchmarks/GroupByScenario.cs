using System.Globalization;
using System.Net;

namespace Engage.Benchmarks;

/// <summary>(c) A grouped aggregation: the direct GROUP BY now, the engine's <c>$apply</c> once it exists.</summary>
internal static class GroupByScenario
{
    private const string ApplyUrl =
        "Interactions?$apply=filter(CreatedDate ge 2026-01-01)/groupby((Kind),aggregate($count as Count,ResponseSeconds with average as AverageResponseSeconds))";

    private const string Sql = """
        SELECT "Kind", COUNT(*) AS "Count", AVG("ResponseSeconds") AS "AverageResponseSeconds"
        FROM "Interactions" WHERE "CreatedDate" >= @d GROUP BY "Kind" ORDER BY "Kind"
        """;

    public static async Task RunAsync(EngineReader engine, DirectReader direct, BenchmarkOptions options, TextWriter output)
    {
        var directTime = await Timing.MeasureAsync(() => Task.FromResult(CountGroups(direct)), options.Warmup, options.Repetitions);
        output.WriteLine("c  groupby((Kind), aggregate($count, average ResponseSeconds)) over CreatedDate ge 2026-01-01");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   direct GROUP BY: {CountGroups(direct)} groups, median {directTime.Median:F2} ms (p90 {directTime.P90:F2})"));
        try
        {
            var groups = (await engine.GetPageAsync(ApplyUrl)).Rows;
            var engineTime = await Timing.MeasureAsync(() => engine.GetPageAsync(ApplyUrl), options.Warmup, options.Repetitions);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   engine $apply: {groups} groups, median {engineTime.Median:F2} ms (p90 {engineTime.P90:F2}); ratio {engineTime.Median / directTime.Median:F2}x"));
        }
        catch (EngineAnswerException e) when (e.Status == HttpStatusCode.NotImplemented)
        {
            output.WriteLine("   engine $apply: not available yet ($apply answers 501)");
        }
    }

    private static long CountGroups(DirectReader direct)
    {
        return direct.ReadGroups(Sql, ("@d", "2026-01-01"));
    }
}
