using System.Globalization;

namespace Engage.OData.Tests.Differential;

/// <summary>
/// Generates random <c>$apply</c> queries over <c>Samples</c> (an optional <c>filter</c> from the predicate generator,
/// an optional <c>compute</c>, <c>groupby</c> with 0-2 properties and 0-3 aggregates, an optional post-aggregation
/// <c>filter</c>, then <c>$filter</c>/<c>$orderby</c>/<c>$skip</c>/<c>$top</c>/<c>$count</c> on the result) and their
/// LINQ evaluation through <see cref="GeneratedQuery.Transform"/>: GroupBy over the rows, then the options in the
/// order OData prescribes, the grouping properties appended to the order as the engine does.
/// Aggregates are the ones whose value does not depend on summation order (integer sums, min/max, counts).
/// </summary>
internal sealed class ApplyQueryGenerator
{
    private static readonly string[] Groupable = ["Tag", "Flag", "Active", "Day", "Count", "Name"];

    private static readonly Aggregate[] Aggregates =
    [
        new("$count as N", "N", SampleKind.Int64, g => (long)g.Count),
        new("Count with sum as SumCount", "SumCount", SampleKind.Int64, g => g.Sum(r => r.Count)),
        new("Count with average as AvgCount", "AvgCount", SampleKind.Double, g => g.Average(r => r.Count)),
        new("Score with min as MinScore", "MinScore", SampleKind.Double, g => Min(g.Select(r => (object?)r.Score))),
        new("Big with max as MaxBig", "MaxBig", SampleKind.Int64, g => Max(g.Select(r => (object?)r.Big))),
        new("Name with countdistinct as Names", "Names", SampleKind.Int64, g => (long)g.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count()),
        new("Tag with countdistinct as Tags", "Tags", SampleKind.Int64, g => (long)g.Where(r => r.Tag is not null).Select(r => r.Tag).Distinct(StringComparer.Ordinal).Count()),
        new("Day with max as LastDay", "LastDay", SampleKind.Date, g => Max(g.Select(r => (object?)r.Day))),
        new("At with min as FirstAt", "FirstAt", SampleKind.DateTimeOffset, g => Min(g.Select(r => (object?)r.At))),
        new("Price with max as MaxPrice", "MaxPrice", SampleKind.Decimal, g => Max(g.Select(r => r.Price is { } p ? (object?)(double)p : null))),
        new("Name with min as FirstName", "FirstName", SampleKind.String, g => Min(g.Select(r => (object?)r.Name))),
    ];

    private readonly PredicateGenerator _predicates = new(ValueExpressionCatalog.WithProperties());

    public GeneratedQuery Next(Random random)
    {
        var query = new GeneratedQuery { CountSegment = random.Next(10) == 0 };
        var steps = new List<string>();
        var pre = random.Next(3) == 0 ? null : _predicates.Next(random);
        if (pre is not null)
        {
            steps.Add($"filter({pre.Text})");
        }

        var columns = new List<(string Name, SampleKind Kind, Func<Group, object?> Value)>();
        var shifted = random.Next(5) == 0;
        if (shifted)
        {
            steps.Add("compute(Count add 100 as Shifted)");
        }

        var groups = (shifted ? Groupable.Append("Shifted") : Groupable).OrderBy(_ => random.Next()).Take(random.Next(3)).ToList();
        foreach (var name in groups)
        {
            var index = columns.Count;
            columns.Add(name == "Shifted"
                ? (name, SampleKind.Int64, g => g.Keys[index])
                : (name, SampleSchema.Find(name).Kind, g => g.Keys[index]));
        }

        var aggregates = Aggregates.OrderBy(_ => random.Next()).Take(groups.Count == 0 ? random.Next(1, 4) : random.Next(4)).ToList();
        columns.AddRange(aggregates.Select(a => (a.Alias, a.Kind, a.Evaluate)));
        var groupText = $"groupby(({string.Join(",", groups)}){(aggregates.Count > 0 ? $",aggregate({string.Join(",", aggregates.Select(a => a.Text))})" : string.Empty)})";
        steps.Add(groups.Count == 0 ? $"aggregate({string.Join(",", aggregates.Select(a => a.Text))})" : groupText);

        var postLimit = random.Next(1, 40);
        var post = aggregates.Any(a => a.Alias == "N") && random.Next(3) == 0;
        if (post)
        {
            steps.Add($"filter(N ge {postLimit.ToString(CultureInfo.InvariantCulture)})");
        }

        query.ExtraOptions.Add(("$apply", string.Join("/", steps)));
        var filterGroup = groups.Count > 0 && random.Next(3) == 0 ? groups[random.Next(groups.Count)] : null;
        var groupFilter = filterGroup is null ? null : GroupFilter(filterGroup);
        if (groupFilter is not null)
        {
            query.ExtraOptions.Add(("$filter", groupFilter.Value.Text));
        }

        var order = columns.OrderBy(_ => random.Next()).Take(random.Next(3)).Select(c => (c.Name, Descending: random.Next(2) == 0)).ToList();
        if (order.Count > 0 && !query.CountSegment)
        {
            query.ExtraOptions.Add(("$orderby", string.Join(",", order.Select(o => o.Name + (o.Descending ? " desc" : string.Empty)))));
        }

        long? skip = random.Next(4) == 0 ? random.Next(0, 30) : null;
        long? top = random.Next(3) == 0 ? random.Next(0, 60) : null;
        if (!query.CountSegment)
        {
            AddNumber(query, "$skip", skip);
            AddNumber(query, "$top", top);
            query.Count = random.Next(3) == 0;
        }

        query.Transform = _ =>
        {
            var filtered = Rows!.Where(r => pre?.Evaluate(r) ?? true).ToList();
            var grouped = groups.Count == 0
                ? [new Group([], filtered)]
                : filtered.GroupBy(r => new GroupKey([.. groups.Select(g => KeyOf(g, r))])).Select(g => new Group(g.Key.Values, [.. g])).ToList();
            var results = grouped.Select(g => columns.Select(c => c.Value(g)).ToArray()).ToList();
            if (post)
            {
                var n = columns.FindIndex(c => c.Name == "N");
                results = [.. results.Where(r => (long)r[n]! >= postLimit)];
            }

            if (groupFilter is not null)
            {
                var at = columns.FindIndex(c => c.Name == filterGroup);
                results = [.. results.Where(r => groupFilter.Value.Evaluate(r[at]))];
            }

            IOrderedEnumerable<object?[]> ordered = results.OrderBy(_ => 0);
            foreach (var (name, descending) in order)
            {
                var at = columns.FindIndex(c => c.Name == name);
                ordered = descending ? ordered.ThenByDescending(r => r[at], SampleValueComparer.Instance) : ordered.ThenBy(r => r[at], SampleValueComparer.Instance);
            }

            for (var i = 0; i < groups.Count; i++)
            {
                var at = i;
                ordered = ordered.ThenBy(r => r[at], SampleValueComparer.Instance);
            }

            var page = ordered.Skip((int)(skip ?? 0)).Take((int)(top ?? int.MaxValue)).ToList();
            var carriers = page.Select((_, i) => new SampleRow(i, string.Empty, null, null, 0, null, null, false, null, null, null)).ToList();
            var properties = columns.Select((c, at) => new SampleProperty(c.Name, c.Name, c.Kind, true, r => page[(int)r.Id][at])).ToList();
            return new ExpectedResult(carriers, properties, results.Count);
        };
        return query;
    }

    /// <summary>The rows the transform evaluates over (set once by the test).</summary>
    public IReadOnlyList<SampleRow>? Rows { get; set; }

    private static (string Text, Func<object?, bool> Evaluate)? GroupFilter(string group) => group switch
    {
        "Active" => ("Active", v => (bool)v!),
        "Flag" => ("Flag ne false", v => v is not false),
        "Count" => ("Count ge 0", v => (int)v! >= 0),
        "Shifted" => ("Shifted lt 95", v => (long)v! < 95),
        "Tag" => ("Tag ne null", v => v is not null),
        "Day" => ("Day lt 2024-01-15", v => v is DateOnly d && d < new DateOnly(2024, 1, 15)),
        _ => ("Name gt 'beta'", v => SampleValueComparer.CompareUtf8((string)v!, "beta") > 0),
    };

    private static object? KeyOf(string group, SampleRow row) => group == "Shifted" ? (long)row.Count + 100 : SampleSchema.Find(group).Get(row) switch
    {
        int i => i,
        var other => other,
    };

    private static object? Min(IEnumerable<object?> values) => values.Where(v => v is not null).Order(SampleValueComparer.Instance).FirstOrDefault();

    private static object? Max(IEnumerable<object?> values) => values.Where(v => v is not null).Order(SampleValueComparer.Instance).LastOrDefault();

    private static void AddNumber(GeneratedQuery query, string name, long? value)
    {
        if (value is { } number)
        {
            query.ExtraOptions.Add((name, number.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private sealed record Aggregate(string Text, string Alias, SampleKind Kind, Func<Group, object?> Evaluate);

    private sealed record Group(IReadOnlyList<object?> Keys, IReadOnlyList<SampleRow> Rows)
    {
        public int Count => Rows.Count;

        public IEnumerable<TResult> Select<TResult>(Func<SampleRow, TResult> selector) => Rows.Select(selector);

        public IEnumerable<SampleRow> Where(Func<SampleRow, bool> predicate) => Rows.Where(predicate);

        /// <summary>Null over no rows, as SQL (and the standard) says.</summary>
        public long? Sum(Func<SampleRow, long> selector) => Rows.Count == 0 ? null : Rows.Sum(selector);

        public double? Average(Func<SampleRow, int> selector) => Rows.Count == 0 ? null : Rows.Average(selector);
    }

    /// <summary>A grouping key compared the way SQL GROUP BY compares (null equals null, binary strings).</summary>
    private sealed class GroupKey(IReadOnlyList<object?> values) : IEquatable<GroupKey>
    {
        public IReadOnlyList<object?> Values { get; } = values;

        public bool Equals(GroupKey? other) => other is not null && Values.Zip(other.Values).All(p => Equals(p.First, p.Second));

        public override bool Equals(object? obj) => Equals(obj as GroupKey);

        public override int GetHashCode() => Values.Aggregate(17, (hash, v) => (hash * 31) + (v?.GetHashCode() ?? 0));
    }
}
