using System.Globalization;

namespace Engage.OData.Tests.Differential;

/// <summary>
/// Random valid queries answered by the engine and by a LINQ evaluator over the same rows must agree:
/// same rows, same order, same values, same @odata.count, across every page. The seed is printed in each
/// failure; set ENGAGE_DIFFERENTIAL_SEED to run other seeds.
/// </summary>
public sealed class DifferentialTests(DifferentialServerFixture fixture) : IClassFixture<DifferentialServerFixture>
{
    public const int Batches = 8;
    public const int QueriesPerBatch = 50;

    public static TheoryData<int> BatchSeeds => [.. Enumerable.Range(0, Batches).Select(b => BaseSeed + b)];

    private static int BaseSeed =>
        int.TryParse(Environment.GetEnvironmentVariable("ENGAGE_DIFFERENTIAL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : 1000;

    [Theory]
    [MemberData(nameof(BatchSeeds))]
    public async Task Get_WithGeneratedQueries_MatchesTheReferenceEvaluator(int seed)
    {
        var generator = new QueryGenerator();

        var failures = await DifferentialRunner.RunBatchAsync(fixture.Server.Client, fixture.Rows, seed, QueriesPerBatch, generator.Next);

        failures.Should().BeEmpty($"the engine must agree with the evaluator (reproduce with seed {seed}):\n{string.Join("\n", failures.Take(5))}");
    }

    [Fact]
    public void Generator_OverAllBatches_CoversEverySupportedConstruct()
    {
        var generator = new QueryGenerator();
        var queries = Enumerable.Range(BaseSeed, Batches).SelectMany(seed =>
        {
            var random = new Random(seed);
            return Enumerable.Range(0, QueriesPerBatch).Select(_ => generator.Next(random)).ToList();
        }).ToList();
        var texts = string.Join("\n", queries.Select(q => q.Filter?.Text + " | " + string.Join(",", q.OrderBy.Select(k => k.Text))));

        foreach (var construct in new[] { " eq ", " ne ", " gt ", " ge ", " lt ", " le ", " and ", " or ", "not ", " in (", "null", " desc", " asc", "T" })
        {
            texts.Should().Contain(construct);
        }

        queries.Should().Contain(q => q.Select != null).And.Contain(q => q.SelectStar).And.Contain(q => q.Top != null)
            .And.Contain(q => q.Skip != null).And.Contain(q => q.Count).And.Contain(q => q.CountSegment).And.Contain(q => q.OrderBy.Count > 1);
        queries.Should().Contain(q => q.OrderBy.Any(k => SampleSchema.Properties.Any(p => p.Nullable && p.Name == k.Value.Text) && k.Descending),
            "keyset pages over a nullable column, descending (NULLs last)")
            .And.Contain(q => q.OrderBy.Any(k => SampleSchema.Properties.Any(p => p.Nullable && p.Name == k.Value.Text) && !k.Descending),
            "keyset pages over a nullable column, ascending (NULLs first)")
            .And.Contain(q => q.OrderBy.Any(k => !SampleSchema.Properties.Any(p => p.Name == k.Value.Text)), "offset pages over an expression order");
        queries.Count(q => q.Evaluate(fixture.Rows).Rows.Count > 0).Should().BeGreaterThan(queries.Count / 3, "most queries should return rows");
    }
}
