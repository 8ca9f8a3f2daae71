using Microsoft.OData.Edm;

namespace Engage.OData.Apply;

/// <summary>
/// A property of an aggregated row: a value read from column <see cref="Ordinal"/>, or (for a grouping along a
/// navigation, <c>Customer/Name</c>) a nested object with <see cref="Children"/>.
/// </summary>
internal sealed record ApplyOutput(string Name, int Ordinal, EdmPrimitiveTypeKind Kind, IReadOnlyList<ApplyOutput>? Children = null)
{
    /// <summary>Builds the nested outputs of columns in select order, merging paths with a common navigation prefix.</summary>
    public static IReadOnlyList<ApplyOutput> Build(IReadOnlyList<ApplyColumn> columns) =>
        Build(columns.Select((c, i) => (c.Path, i, c.Kind)).ToList(), 0);

    /// <summary>The context URL list: <c>Customer(Name),Product,Total</c>.</summary>
    public static string ContextList(IReadOnlyList<ApplyOutput> outputs) =>
        string.Join(',', outputs.Select(o => o.Children is null ? o.Name : $"{o.Name}({ContextList(o.Children)})"));

    private static List<ApplyOutput> Build(List<(IReadOnlyList<string> Path, int Ordinal, EdmPrimitiveTypeKind Kind)> columns, int depth)
    {
        var outputs = new List<ApplyOutput>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var name = column.Path[depth];
            if (column.Path.Count == depth + 1)
            {
                outputs.Add(new ApplyOutput(name, column.Ordinal, column.Kind));
            }
            else if (done.Add(name))
            {
                var nested = columns.Where(c => c.Path.Count > depth + 1 && c.Path[depth] == name).ToList();
                outputs.Add(new ApplyOutput(name, -1, EdmPrimitiveTypeKind.None, Build(nested, depth + 1)));
            }
        }

        return outputs;
    }
}
