namespace Engage.OData.Tests.Differential;

/// <summary>
/// Generates random valid queries over <c>Samples</c>.
/// EXTENSION POINTS: <see cref="Values"/> (functions, arithmetic), <see cref="Predicates"/> (lambdas,
/// boolean functions) and <see cref="OptionGenerators"/> (a whole option: <c>$search</c>, <c>$compute</c>,
/// <c>$expand</c>, <c>$apply</c>), each given the random source and the query being built.
/// </summary>
internal sealed class QueryGenerator
{
    public QueryGenerator()
    {
        Values = ValueExpressionCatalog.WithProperties();
        Predicates = new PredicateGenerator(Values);
        OptionGenerators.Add(AddFilter);
        OptionGenerators.Add(AddOrderBy);
        OptionGenerators.Add(AddSelect);
        OptionGenerators.Add(AddPaging);
    }

    public ValueExpressionCatalog Values { get; }

    public PredicateGenerator Predicates { get; }

    public List<Action<Random, GeneratedQuery>> OptionGenerators { get; } = [];

    /// <summary>
    /// Expressions <c>$orderby</c> also sorts by (not compared in filters): an order that is not made of plain columns
    /// pages by offset, a column order by keyset, and both must agree with the evaluator.
    /// </summary>
    public List<ValueExpression> OrderExpressions { get; } =
    [
        new("Count mul -1", SampleKind.Int32, false, r => -r.Count),
        new("Big add 1", SampleKind.Int64, true, r => r.Big + 1),
    ];

    public GeneratedQuery Next(Random random)
    {
        var query = new GeneratedQuery { CountSegment = random.Next(12) == 0 };
        foreach (var generate in OptionGenerators)
        {
            generate(random, query);
        }

        return query;
    }

    private void AddFilter(Random random, GeneratedQuery query)
    {
        if (random.Next(8) != 0)
        {
            query.Filter = Predicates.Next(random);
        }
    }

    private void AddOrderBy(Random random, GeneratedQuery query)
    {
        var keys = random.Next(5) == 0 ? 0 : random.Next(1, 4);
        for (var i = 0; i < keys; i++)
        {
            var descending = random.Next(2) == 0;
            var value = random.Next(6) == 0 ? OrderExpressions[random.Next(OrderExpressions.Count)] : Values.Pick(random);
            query.OrderBy.Add(new OrderKey(value, descending, !descending && random.Next(2) == 0));
        }
    }

    private static void AddSelect(Random random, GeneratedQuery query)
    {
        switch (random.Next(6))
        {
            case 0:
                query.SelectStar = true;
                break;
            case 1 or 2:
                query.Select = [.. SampleSchema.Properties.Where(_ => random.Next(3) == 0).DefaultIfEmpty(SampleSchema.Properties[1]).OrderBy(_ => random.Next())];
                break;
            default:
                break;
        }
    }

    private static void AddPaging(Random random, GeneratedQuery query)
    {
        query.Top = random.Next(3) == 0 ? random.Next(4) == 0 ? random.Next(0, 3) : random.Next(0, 4000) : null;
        query.Skip = random.Next(4) == 0 ? random.Next(4) == 0 ? random.Next(0, 3) : random.Next(0, 3500) : null;
        query.Count = random.Next(3) == 0;
    }
}
