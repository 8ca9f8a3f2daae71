using Engage.OData.Errors;
using Engage.OData.Sql;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Engage.OData.Apply;

/// <summary>
/// Names on aggregated rows: a property path (<c>Product</c>, <c>Customer/Name</c>) or an alias resolves to the column
/// of the current step that holds it; anything else is not part of the aggregated result (400).
/// </summary>
internal static class ApplyColumnResolver
{
    public static SqlFragment Resolve(ApplyStage stage, SingleValueNode node)
    {
        var path = node switch
        {
            SingleValueOpenPropertyAccessNode open => [open.Name],
            SingleValuePropertyAccessNode property => PathOf(property),
            _ => null,
        };
        var column = path is null ? null : stage.Columns.Find(c => c.Matches(path));
        return column is null
            ? throw ODataRequestException.BadRequest(
                $"'{(path is null ? node.Kind.ToString() : string.Join('/', path))}' is not a property of the aggregated result; use its grouping properties and aliases ({string.Join(", ", stage.Columns.Select(c => c.PathText))}).")
            : SqlFragment.Value(column.Sql, column.Kind, column.CanBeNull);
    }

    private static List<string>? PathOf(SingleValuePropertyAccessNode property)
    {
        var path = new List<string> { property.Property.Name };
        var source = property.Source;
        while (source is SingleNavigationNode navigation)
        {
            path.Insert(0, navigation.NavigationProperty.Name);
            source = navigation.Source;
        }

        return source is ResourceRangeVariableReferenceNode ? path : null;
    }

    /// <summary>The grouping properties as paths (<c>Customer/Name</c>) with their expressions, in request order.</summary>
    public static IEnumerable<(List<string> Path, SingleValueNode Expression)> Flatten(IEnumerable<GroupByPropertyNode> nodes, List<string> prefix)
    {
        foreach (var node in nodes)
        {
            var path = new List<string>(prefix) { node.Name };
            if (node.Expression is not null)
            {
                yield return (path, node.Expression);
            }

            foreach (var nested in Flatten(node.ChildTransformations ?? [], path))
            {
                yield return nested;
            }
        }
    }
}
