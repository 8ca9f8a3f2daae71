namespace Engage.OData.Tests.Differential;

/// <summary>
/// EXTENSION POINT: generates <c>$filter</c> expressions from weighted producers. The defaults cover what
/// the engine supports today (comparisons with promotion, null comparisons, <c>in</c>, boolean values,
/// <c>and</c>/<c>or</c>/<c>not</c>). Lambdas (<c>any</c>/<c>all</c> over a navigation), boolean functions
/// (<c>contains</c>, <c>startswith</c>) and <c>has</c> are added with <see cref="Register"/>.
/// </summary>
internal sealed class PredicateGenerator
{
    private readonly List<(int Weight, Func<Random, int, Predicate?> Produce)> _producers = [];

    public PredicateGenerator(ValueExpressionCatalog values)
    {
        Values = values;
        Register(8, (random, _) => Comparisons.Compare(random, Values));
        Register(2, (random, _) => Comparisons.CompareWithNull(random, Values));
        Register(2, (random, _) => Comparisons.In(random, Values));
        Register(1, (random, _) => Comparisons.BooleanValue(random, Values));
        Register(3, (random, depth) => depth < MaxDepth ? Combine(random, depth, "and") : null);
        Register(3, (random, depth) => depth < MaxDepth ? Combine(random, depth, "or") : null);
        Register(1, (random, depth) => depth < MaxDepth ? Not(random, depth) : null);
    }

    public int MaxDepth { get; set; } = 3;

    public ValueExpressionCatalog Values { get; }

    /// <summary>Adds a producer; it receives the nesting depth and may return null to let another one run.</summary>
    public PredicateGenerator Register(int weight, Func<Random, int, Predicate?> produce)
    {
        _producers.Add((weight, produce));
        return this;
    }

    public Predicate Next(Random random, int depth = 0)
    {
        var total = _producers.Sum(p => p.Weight);
        while (true)
        {
            var pick = random.Next(total);
            foreach (var (weight, produce) in _producers)
            {
                if ((pick -= weight) < 0)
                {
                    if (produce(random, depth) is { } predicate)
                    {
                        return predicate;
                    }

                    break;
                }
            }
        }
    }

    private Predicate Combine(Random random, int depth, string op)
    {
        var level = op == "and" ? Predicate.AndLevel : Predicate.OrLevel;
        var left = Next(random, depth + 1);
        var right = Next(random, depth + 1);
        var text = Wrap(random, left, level) + " " + op + " " + Wrap(random, right, level);
        return op == "and"
            ? new Predicate(text, r => left.Evaluate(r) && right.Evaluate(r), level)
            : new Predicate(text, r => left.Evaluate(r) || right.Evaluate(r), level);
    }

    private Predicate Not(Random random, int depth)
    {
        var operand = Next(random, depth + 1);
        return new Predicate("not (" + operand.Text + ")", r => !operand.Evaluate(r));
    }

    /// <summary>Parenthesises a child that binds more loosely than its parent, and sometimes one that need not be.</summary>
    private static string Wrap(Random random, Predicate child, int parentLevel) =>
        child.Precedence < parentLevel || random.Next(3) == 0 ? "(" + child.Text + ")" : child.Text;
}
