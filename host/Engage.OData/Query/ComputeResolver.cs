using Engage.OData.Binding;
using Engage.OData.Errors;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Engage.OData.Query;

/// <summary>
/// <c>$compute</c>: the aliases, and which of them <c>$select</c> asks for. ODL 7.7.2 parses a selected alias as a
/// dynamic path; it is taken out of the clause before <see cref="SelectionResolver"/> sees it. Selecting only
/// aliases still writes the key. Without <c>$select</c> (or with <c>*</c>) every alias is written.
/// </summary>
internal static class ComputeResolver
{
    public static IReadOnlyList<ComputedProperty> Resolve(ComputeClause? clause)
    {
        var computed = new List<ComputedProperty>();
        foreach (var item in clause?.ComputedItems ?? [])
        {
            if (item.TypeReference is not { } type || !type.IsPrimitive())
            {
                throw ODataRequestException.NotImplemented($"The computed property '{item.Alias}' has a type that is not supported yet.");
            }

            var kind = type.AsPrimitive().PrimitiveKind();
            if (kind is not (EdmPrimitiveTypeKind.Boolean or EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte or EdmPrimitiveTypeKind.Int16
                or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64 or EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double
                or EdmPrimitiveTypeKind.Decimal or EdmPrimitiveTypeKind.String or EdmPrimitiveTypeKind.Date
                or EdmPrimitiveTypeKind.DateTimeOffset or EdmPrimitiveTypeKind.TimeOfDay or EdmPrimitiveTypeKind.Guid))
            {
                throw ODataRequestException.NotImplemented($"Computed properties of type Edm.{kind} are not supported yet.");
            }

            if (computed.Exists(c => string.Equals(c.Alias, item.Alias, StringComparison.OrdinalIgnoreCase)))
            {
                throw ODataRequestException.BadRequest($"The computed property '{item.Alias}' is defined twice.");
            }

            computed.Add(new ComputedProperty(item.Alias, item.Expression, kind));
        }

        return computed;
    }

    /// <summary>Removes the selected aliases from <paramref name="clause"/>; returns the clause to resolve and the aliases to write.</summary>
    public static (SelectExpandClause? Clause, IReadOnlyList<ComputedProperty> Written) SplitSelection(
        SelectExpandClause? clause, IReadOnlyList<ComputedProperty> computed, EntitySetBinding entitySet)
    {
        if (computed.Count == 0 || clause is null)
        {
            return (clause, computed);
        }

        var written = new List<ComputedProperty>();
        var remaining = new List<SelectItem>();
        foreach (var item in clause.SelectedItems)
        {
            var alias = item is PathSelectItem { SelectedPath.FirstSegment: DynamicPathSegment dynamic } && item is PathSelectItem { SelectedPath.Count: 1 }
                ? computed.FirstOrDefault(c => string.Equals(c.Alias, dynamic.Identifier, StringComparison.OrdinalIgnoreCase))
                : null;
            if (alias is null)
            {
                remaining.Add(item);
            }
            else if (!written.Contains(alias))
            {
                written.Add(alias);
            }
        }

        if (written.Count == 0)
        {
            var explicitSelect = remaining.Exists(i => i is PathSelectItem) && !remaining.Exists(i => i is WildcardSelectItem);
            return (clause, explicitSelect && !clause.AllSelected ? [] : computed);
        }

        if (!remaining.Exists(i => i is PathSelectItem or WildcardSelectItem or NamespaceQualifiedWildcardSelectItem))
        {
            remaining.Insert(0, new PathSelectItem(new ODataSelectPath(new PropertySegment(entitySet.Key.Property))));
        }

        return (new SelectExpandClause(remaining, allSelected: false), remaining.Exists(i => i is WildcardSelectItem) ? computed : written);
    }
}
