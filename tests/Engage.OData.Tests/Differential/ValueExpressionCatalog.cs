namespace Engage.OData.Tests.Differential;

/// <summary>
/// EXTENSION POINT: the values that filters compare and <c>$orderby</c> sorts by. Today the properties of
/// <c>Samples</c>; canonical functions (<c>tolower(Name)</c>, <c>year(Day)</c>, <c>length(Tag)</c>) and
/// arithmetic (<c>Count add 5</c>) are added with <see cref="Add(ValueExpression)"/> or
/// <see cref="Add(Func{Random, ValueExpression})"/>, each with its evaluation over a row.
/// </summary>
internal sealed class ValueExpressionCatalog
{
    private readonly List<Func<Random, ValueExpression>> _factories = [];

    public static ValueExpressionCatalog WithProperties()
    {
        var catalog = new ValueExpressionCatalog();
        foreach (var property in SampleSchema.Properties)
        {
            catalog.Add(ValueExpression.Of(property));
        }

        return catalog;
    }

    public ValueExpressionCatalog Add(ValueExpression expression) => Add(_ => expression);

    public ValueExpressionCatalog Add(Func<Random, ValueExpression> factory)
    {
        _factories.Add(factory);
        return this;
    }

    /// <summary>A random expression satisfying <paramref name="accept"/> (tries a bounded number of times).</summary>
    public ValueExpression Pick(Random random, Func<ValueExpression, bool>? accept = null)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = _factories[random.Next(_factories.Count)](random);
            if (accept is null || accept(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No value expression satisfies the request.");
    }
}
