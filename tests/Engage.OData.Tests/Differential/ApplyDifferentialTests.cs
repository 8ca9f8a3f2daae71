using System.Globalization;

namespace Engage.OData.Tests.Differential;

/// <summary>
/// Generated <c>$apply</c> queries (4 batches x 40) answered by the engine, every page followed through next links,
/// must agree with LINQ GroupBy over the same rows. Set ENGAGE_DIFFERENTIAL_SEED to run other seeds.
/// </summary>
public sealed class ApplyDifferentialTests(DifferentialServerFixture fixture) : IClassFixture<DifferentialServerFixture>
{
    public const int Batches = 4;
    public const int QueriesPerBatch = 40;

    public static TheoryData<int> BatchSeeds => [.. Enumerable.Range(0, Batches).Select(b => BaseSeed + b)];

    private static int BaseSeed =>
        int.TryParse(Environment.GetEnvironmentVariable("ENGAGE_DIFFERENTIAL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed + 500
            : 1500;

    [Theory]
    [MemberData(nameof(BatchSeeds))]
    public async Task Get_WithGeneratedApplyQueries_MatchesLinqGroupBy(int seed)
    {
        var generator = new ApplyQueryGenerator { Rows = fixture.Rows };

        var failures = await DifferentialRunner.RunBatchAsync(fixture.Server.Client, fixture.Rows, seed, QueriesPerBatch, generator.Next);

        failures.Should().BeEmpty($"the engine must agree with LINQ (reproduce with seed {seed}):\n{string.Join("\n", failures.Take(5))}");
    }

    [Fact]
    public void Generator_OverAllBatches_CoversEveryTransformationAndOption()
    {
        var generator = new ApplyQueryGenerator { Rows = fixture.Rows };
        var queries = Enumerable.Range(BaseSeed, Batches).SelectMany(seed =>
        {
            var random = new Random(seed);
            return Enumerable.Range(0, QueriesPerBatch).Select(_ => generator.Next(random)).ToList();
        }).ToList();
        var urls = string.Join("\n", queries.Select(q => Uri.UnescapeDataString(q.Url())));

        queries.Should().HaveCountGreaterThanOrEqualTo(100);
        foreach (var construct in new[] { "$apply=filter(", "compute(", "groupby((", "))", ",aggregate(", "$apply=aggregate(", ")/filter(N ge", "$filter=",
            "$orderby=", " desc", "$top=", "$skip=", "$count=true", "/$count?", "with sum", "with average", "with min", "with max", "with countdistinct", "$count as N" })
        {
            urls.Should().Contain(construct);
        }

        queries.Count(q => q.Evaluate(fixture.Rows).Rows.Count > 1).Should().BeGreaterThan(queries.Count / 3, "most queries should return several groups");
    }
}
