using System.Globalization;
using System.Text;

namespace Engage.OData.Tests.Fuzz;

/// <summary>Hostile <c>$apply</c> strings: deep nesting, long chains, huge literals, unknown methods, SQL fragments, odd aliases.</summary>
internal sealed class HostileApply(Random random)
{
    private static readonly string[] Methods = ["sum", "average", "min", "max", "countdistinct", "median", "Custom.x", "SUM", "count", "with", "", "sum sum"];

    private static readonly string[] Properties = ["Amount", "Quantity", "Product", "Note", "Price", "Paid", "OrderDate", "ShippedAt", "Id", "Name", "Active",
        "Customer/Name", "Customer/Orders", "Orders/Amount", "Nope", "$it", "$count", "Customer", "Orders/$count"];

    private static readonly string[] Aliases = ["T", "Total", "Id", "Product", "_c0", "\"x\"", "x;DROP", "select", "T T", "1x", "é", "$count", "", "Customer"];

    private static readonly string[] Templates =
    [
        "groupby(({p}),aggregate({p} with {m} as {a}))",
        "aggregate({p} with {m} as {a},$count as {a})",
        "filter({p} eq {v})/groupby(({p},{p}))",
        "groupby(({p}),aggregate($count as {a}))/filter({a} gt {v})/compute({a} mul {v} as {a})",
        "compute({p} add {v} as {a})/groupby(({a}),aggregate({a} with {m} as {a}))",
        "groupby(({p}))/groupby(({p}),aggregate($count as {a}))",
        "aggregate({p} with {m} as {a})/aggregate({a} with {m} as {a})",
        "filter({sql})/aggregate($count as N)",
        "groupby(({p}),aggregate({p} with {m} as {a}))&$orderby={a} desc&$filter={a} ne {v}&$top={n}&$skip={n}&$count=true",
        "groupby(({p}),aggregate({p} with {m} from {p} with {m} as {a}))",
        "topcount({n},{p})", "bottomsum({n},{p})", "concat(groupby(({p})),aggregate($count as N))", "expand({p},filter({p} eq {v}))",
        "search({v})", "identity", "nest(groupby(({p})) as X)", "orderby({p})", "skip({n})/top({n})", "groupby((rollup({p},{p})))",
        "groupby(({p}),aggregate({p} with {m} as {a}))&$select={a}", "aggregate({p} with {m} as {a})&$expand=Customer",
    ];

    public string Next() => random.Next(7) switch
    {
        0 => Deep(),
        6 => Pick(["compute(Amount as A0)", "aggregate(Amount with sum as A0)"]) + string.Concat(Enumerable.Range(0, random.Next(1, 16)).Select(i =>
            $"/compute({string.Join(" add ", Enumerable.Repeat($"A{i.ToString(CultureInfo.InvariantCulture)}", random.Next(2, 9)))} as A{(i + 1).ToString(CultureInfo.InvariantCulture)})")),
        1 => string.Join("/", Enumerable.Range(0, random.Next(2, 60)).Select(_ => Fill(Pick(Templates[..8])))),
        2 => Fill(Pick(Templates)).Replace("{v}", Huge(), StringComparison.Ordinal),
        3 => "groupby((" + string.Join(",", Enumerable.Range(0, random.Next(1, 300)).Select(_ => Pick(Properties))) + "),aggregate("
            + string.Join(",", Enumerable.Range(0, random.Next(1, 300)).Select(i => $"Amount with sum as A{i.ToString(CultureInfo.InvariantCulture)}")) + "))",
        _ => Fill(Pick(Templates)),
    };

    private string Deep()
    {
        var depth = Pick([10, 100, 500, 2000, 10000]);
        return Pick([
            "filter(" + string.Concat(Enumerable.Repeat("(", depth)) + "Amount gt 1" + new string(')', depth) + ")/aggregate($count as N)",
            string.Concat(Enumerable.Repeat("groupby((Product),", depth)) + "aggregate($count as N)" + new string(')', depth),
            "aggregate(" + string.Concat(Enumerable.Repeat("Amount add ", depth)) + "1 with sum as S)",
            "groupby((" + string.Concat(Enumerable.Repeat("Customer/Orders/", Math.Min(depth, 400))) + "Id))",
            "compute(" + string.Concat(Enumerable.Repeat("-", depth)) + "Amount as X)/aggregate(X with max as M)",
            Pick(["aggregate(Amount with sum as A0)", "compute(Amount as A0)"]) + string.Concat(Enumerable.Range(0, random.Next(2, 12)).Select(i =>
                $"/compute(A{i.ToString(CultureInfo.InvariantCulture)}{string.Concat(Enumerable.Repeat(" add 1", Math.Min(depth, 190)))} as A{(i + 1).ToString(CultureInfo.InvariantCulture)})")),
        ]);
    }

    private string Fill(string template)
    {
        var text = new StringBuilder(template);
        Replace(text, "{p}", () => Pick(Properties));
        Replace(text, "{m}", () => Pick(Methods));
        Replace(text, "{a}", () => Pick(Aliases));
        Replace(text, "{v}", () => Pick(["1", "'x'", "null", "1e308", "-9223372036854775808", "2024-01-01", "true", "Amount", "'''", "'; DROP TABLE Orders; --"]));
        Replace(text, "{n}", () => Pick(["0", "1", "-1", "99999999999999999999", "x"]));
        Replace(text, "{sql}", () => Pick(HostileFragments.SqlFragments));
        return text.ToString();
    }

    private string Huge() => Pick([
        "'" + new string('a', Pick([1_000, 8_000, 20_000])) + "'",
        new string('9', Pick([30, 400, 5_000])),
        "0." + new string('5', 2_000),
        string.Join(" add ", Enumerable.Repeat("Amount", 3_000)),
    ]);

    private void Replace(StringBuilder text, string placeholder, Func<string> value)
    {
        for (var at = text.ToString().IndexOf(placeholder, StringComparison.Ordinal); at >= 0; at = text.ToString().IndexOf(placeholder, StringComparison.Ordinal))
        {
            text.Remove(at, placeholder.Length).Insert(at, value());
        }
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
