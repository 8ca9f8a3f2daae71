using Engage.OData.Binding;
using Engage.OData.Errors;
using Microsoft.OData.UriParser;

namespace Engage.OData.Query;

/// <summary>
/// Turns <c>$select</c> and <c>$expand</c> into the properties to write and the navigations to expand.
/// The context URL never contains <c>Nav()</c> (Excel and Power BI reject it, odata-for-bi.md §0 rule 7):
/// an expanded item without a nested <c>$select</c> lists its structural properties explicitly.
/// </summary>
internal static class SelectionResolver
{
    public static Selection Resolve(SelectExpandClause? clause, EntitySetBinding entitySet) => Resolve(clause, entitySet, nested: false);

    internal static Selection Resolve(SelectExpandClause? clause, EntitySetBinding entitySet, bool nested)
    {
        if (clause is null)
        {
            return new Selection(entitySet.Properties, nested ? AllNames(entitySet) : null);
        }

        var selected = new List<PropertyBinding>();
        var expands = new List<ExpandRequest>();
        var wildcard = false;
        foreach (var item in clause.SelectedItems)
        {
            switch (item)
            {
                case ExpandedNavigationSelectItem expand:
                    var request = ExpandResolver.Resolve(expand, entitySet);
                    if (expands.Exists(e => e.Navigation == request.Navigation))
                    {
                        throw ODataRequestException.BadRequest($"The navigation property '{request.Navigation.Name}' is expanded twice.");
                    }

                    expands.Add(request);
                    break;
                case ExpandedReferenceSelectItem:
                    throw ODataRequestException.NotImplemented("$expand with $ref is not supported yet.");
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

        var all = wildcard || clause.AllSelected || selected.Count == 0;
        var properties = all ? entitySet.Properties : selected;
        var items = new List<string>();
        if (!all || nested)
        {
            items.AddRange(properties.Select(p => p.Name));
        }

        items.AddRange(expands.Select(e => e.ContextItem));
        return new Selection(properties, items.Count == 0 ? null : string.Join(",", items)) { Expands = expands };
    }

    private static string AllNames(EntitySetBinding entitySet) => string.Join(",", entitySet.Properties.Select(p => p.Name));

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
