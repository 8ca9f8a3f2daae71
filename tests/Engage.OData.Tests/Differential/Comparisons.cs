namespace Engage.OData.Tests.Differential;

/// <summary>The leaf predicates, with the engine's two-valued semantics spelled out for the evaluator.</summary>
internal static class Comparisons
{
    private static readonly string[] Operators = ["eq", "ne", "gt", "ge", "lt", "le"];

    public static Predicate Compare(Random random, ValueExpressionCatalog values)
    {
        var value = values.Pick(random);
        var kinds = LiteralFactory.CompatibleKinds(value.Kind);
        var literal = LiteralFactory.Create(random, kinds[random.Next(kinds.Length)]);
        var op = value.Kind == SampleKind.Boolean ? Operators[random.Next(2)] : Operators[random.Next(Operators.Length)];
        if (random.Next(4) == 0)
        {
            // The literal on the left: "5 lt Count" means "Count gt 5".
            return new Predicate($"{literal.Text} {op} {value.Text}", r => Evaluate(op, literal.Value, value.Evaluate(r)));
        }

        return new Predicate($"{value.Text} {op} {literal.Text}", r => Evaluate(op, value.Evaluate(r), literal.Value));
    }

    public static Predicate CompareWithNull(Random random, ValueExpressionCatalog values)
    {
        var value = values.Pick(random, v => v.CanBeNull || random.Next(8) == 0);
        var op = random.Next(2) == 0 ? "eq" : "ne";
        var text = random.Next(3) == 0 ? $"null {op} {value.Text}" : $"{value.Text} {op} null";
        return new Predicate(text, r => Evaluate(op, value.Evaluate(r), null));
    }

    public static Predicate In(Random random, ValueExpressionCatalog values)
    {
        // ODataUriParser 7.7 reads an 'in' list as JSON: unquoted Date and DateTimeOffset literals fail (400),
        // so those kinds are left out until the parser is upgraded.
        var value = values.Pick(random, v => v.Kind is not (SampleKind.Boolean or SampleKind.Date or SampleKind.DateTimeOffset));
        // ODataUriParser 7.7 also refuses an empty string in an 'in' list (400 "The request is malformed"): left out too.
        var literals = Enumerable.Range(0, random.Next(1, 5)).Select(_ => LiteralFactory.Create(random, value.Kind))
            .Where(l => l.Text != "''").DefaultIfEmpty(new Literal("'x'", "x"))
            .ToList();
        if (value.CanBeNull && random.Next(3) == 0)
        {
            // A null in the list of a non-nullable property is refused by the parser (400).
            literals.Insert(random.Next(literals.Count + 1), Literal.Null);
        }

        var text = $"{value.Text} in ({string.Join(", ", literals.Select(l => l.Text))})";
        return new Predicate(text, r =>
        {
            var actual = value.Evaluate(r);
            return literals.Any(l => SampleValueComparer.NullSafeEquals(actual, l.Value));
        });
    }

    public static Predicate BooleanValue(Random random, ValueExpressionCatalog values)
    {
        var value = values.Pick(random, v => v.Kind == SampleKind.Boolean);
        return random.Next(3) switch
        {
            0 => new Predicate("not " + value.Text, r => value.Evaluate(r) is not true),
            1 => random.Next(2) == 0 ? new Predicate("true", _ => true) : new Predicate("false", _ => false),
            _ => new Predicate(value.Text, r => value.Evaluate(r) is true),
        };
    }

    /// <summary>eq/ne are null-safe; gt/ge/lt/le are false when either side is null.</summary>
    public static bool Evaluate(string op, object? left, object? right)
    {
        if (op is "eq" or "ne")
        {
            return SampleValueComparer.NullSafeEquals(left, right) == (op == "eq");
        }

        if (left is null || right is null)
        {
            return false;
        }

        var order = SampleValueComparer.Instance.Compare(left, right);
        return op switch
        {
            "gt" => order > 0,
            "ge" => order >= 0,
            "lt" => order < 0,
            _ => order <= 0,
        };
    }
}
