using Engage.OData.Binding;
using Engage.OData.Errors;
using Microsoft.OData.UriParser;

namespace Engage.OData.Query;

/// <summary>Turns <c>$select</c> into the list of properties to write; <c>$expand</c> answers 501 for now.</summary>
internal static class SelectionResolver
{
    public static Selection Resolve(SelectExpandClause? clause, EntitySetBinding entitySet)
    {
        var all = new Selection(entitySet.Properties, null);
        if (clause is null)
        {
            return all;
        }

        var selected = new List<PropertyBinding>();
        var wildcard = false;
        foreach (var item in clause.SelectedItems)
        {
            switch (item)
            {
                case ExpandedReferenceSelectItem:
                    throw ODataRequestException.NotImplemented("$expand is not supported yet.");
                case WildcardSelectItem or NamespaceQualifiedWildcardSelectItem:
                    wildcard = true;
                    break;
                case PathSelectItem path:
                    var property = ResolvePath(path, entitySet);
                    if (!selected.Contains(property))
                    {
                        selected.Add(property);
                    }

                    break;
                default:
                    throw ODataRequestException.NotImplemented("This kind of $select item is not supported yet.");
            }
        }

        if (wildcard || clause.AllSelected || selected.Count == 0)
        {
            return all;
        }

        return new Selection(selected, string.Join(",", selected.Select(p => p.Name)));
    }

    private static PropertyBinding ResolvePath(PathSelectItem item, EntitySetBinding entitySet)
    {
        if (item.FilterOption is not null || item.OrderByOption is not null || item.TopOption is not null
            || item.SkipOption is not null || item.CountOption is not null || item.SearchOption is not null
            || item.ComputeOption is not null || item.SelectAndExpand?.SelectedItems.Any() == true)
        {
            throw ODataRequestException.NotImplemented("Nested query options in $select are not supported yet.");
        }

        if (item.SelectedPath.Count != 1 || item.SelectedPath.FirstSegment is not PropertySegment segment)
        {
            throw ODataRequestException.NotImplemented("Selecting navigation properties, paths or operations is not supported yet.");
        }

        return entitySet.Find(segment.Property)
            ?? throw ODataRequestException.BadRequest($"The property '{segment.Property.Name}' cannot be selected.");
    }
}
