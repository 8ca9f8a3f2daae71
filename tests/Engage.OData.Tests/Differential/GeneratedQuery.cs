using System.Text;

namespace Engage.OData.Tests.Differential;

/// <summary>
/// One generated request and its reference evaluation (plain LINQ over the rows): filter, order (with the
/// key appended as the engine does, NULL first ascending), skip, top, projection.
/// EXTENSION POINT: a feature generator adds its option to <see cref="ExtraOptions"/> and its meaning to
/// <see cref="RowFilters"/> (<c>$search</c>), <see cref="ComputedColumns"/> (<c>$compute</c>, and nested
/// columns for <c>$expand</c>) or replaces <see cref="Evaluate"/>'s pipeline through <see cref="Transform"/> (<c>$apply</c>).
/// </summary>
internal sealed class GeneratedQuery
{
    public Predicate? Filter { get; set; }

    public List<OrderKey> OrderBy { get; } = [];

    /// <summary>The selected properties; null when <c>$select</c> is absent (all properties).</summary>
    public List<SampleProperty>? Select { get; set; }

    public bool SelectStar { get; set; }

    public long? Top { get; set; }

    public long? Skip { get; set; }

    public bool Count { get; set; }

    /// <summary>Requests <c>Samples/$count</c> (a plain number, <c>$filter</c> only).</summary>
    public bool CountSegment { get; set; }

    /// <summary><c>Prefer: odata.maxpagesize</c>; chosen by the runner so that the number of pages stays bounded.</summary>
    public int? MaxPageSize { get; set; }

    public List<(string Name, string Value)> ExtraOptions { get; } = [];

    public List<Func<SampleRow, bool>> RowFilters { get; } = [];

    public List<SampleProperty> ComputedColumns { get; } = [];

    public Func<ExpectedResult, ExpectedResult>? Transform { get; set; }

    /// <summary>The relative URL, every option value percent-encoded.</summary>
    public string Url()
    {
        var options = new List<(string Name, string Value)>();
        if (Filter is not null)
        {
            options.Add(("$filter", Filter.Text));
        }

        if (!CountSegment)
        {
            if (OrderBy.Count > 0)
            {
                options.Add(("$orderby", string.Join(",", OrderBy.Select(k => k.Text))));
            }

            if (SelectStar || Select is not null)
            {
                options.Add(("$select", SelectStar ? "*" : string.Join(",", Select!.Select(p => p.Name))));
            }

            AddNumber(options, "$top", Top);
            AddNumber(options, "$skip", Skip);
            if (Count)
            {
                options.Add(("$count", "true"));
            }
        }

        options.AddRange(ExtraOptions);
        var url = new StringBuilder("odata/").Append(SampleSchema.EntitySet).Append(CountSegment ? "/$count" : string.Empty);
        for (var i = 0; i < options.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(options[i].Name).Append('=').Append(Uri.EscapeDataString(options[i].Value));
        }

        return url.ToString();
    }

    public ExpectedResult Evaluate(IReadOnlyList<SampleRow> rows)
    {
        var filtered = rows.Where(r => (Filter?.Evaluate(r) ?? true) && RowFilters.All(f => f(r))).ToList();
        IEnumerable<SampleRow> ordered = filtered.OrderBy(_ => 0);
        var keyOrdered = false;
        foreach (var key in OrderBy)
        {
            var sortKey = key.Value.Evaluate;
            ordered = key.Descending
                ? ((IOrderedEnumerable<SampleRow>)ordered).ThenByDescending(sortKey, SampleValueComparer.Instance)
                : ((IOrderedEnumerable<SampleRow>)ordered).ThenBy(sortKey, SampleValueComparer.Instance);
            keyOrdered |= key.Value.Text == SampleSchema.Key.Name;
        }

        if (!keyOrdered)
        {
            ordered = ((IOrderedEnumerable<SampleRow>)ordered).ThenBy(r => r.Id);
        }

        var page = ordered.Skip((int)Math.Min(Skip ?? 0, int.MaxValue)).Take((int)Math.Min(Top ?? int.MaxValue, int.MaxValue)).ToList();
        var columns = (SelectStar || Select is null ? SampleSchema.Properties : Select).Concat(ComputedColumns).ToList();
        var result = new ExpectedResult(page, columns, filtered.Count);
        return Transform is null ? result : Transform(result);
    }

    public override string ToString() =>
        Url() + (MaxPageSize is { } size ? $"  [Prefer: odata.maxpagesize={size}]" : string.Empty);

    private static void AddNumber(List<(string Name, string Value)> options, string name, long? value)
    {
        if (value is { } number)
        {
            options.Add((name, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
