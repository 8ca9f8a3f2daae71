using Engage.OData.Binding;
using Engage.OData.Errors;
using Microsoft.OData.UriParser;

namespace Engage.OData.Query;

/// <summary>Validates one <c>$expand</c> item and its nested options.</summary>
internal static class ExpandResolver
{
    public static ExpandRequest Resolve(ExpandedNavigationSelectItem item, EntitySetBinding parent)
    {
        if (item.PathToNavigationProperty.Count != 1 || item.PathToNavigationProperty.LastSegment is not NavigationPropertySegment segment)
        {
            throw ODataRequestException.NotImplemented("$expand supports a navigation property of the entity, not a path or a cast.");
        }

        var navigation = parent.FindNavigation(segment.NavigationProperty)
            ?? throw ODataRequestException.BadRequest($"The navigation property '{segment.NavigationProperty.Name}' cannot be expanded.");
        if (item.LevelsOption is not null || item.SearchOption is not null || item.ComputeOption is not null)
        {
            throw ODataRequestException.NotImplemented("$levels, $search and $compute inside $expand are not supported yet.");
        }

        var count = item.CountOption ?? false;
        if (!navigation.IsCollection && (item.FilterOption is not null || item.OrderByOption is not null || item.TopOption is not null
            || item.SkipOption is not null || count))
        {
            throw ODataRequestException.BadRequest(
                $"'{navigation.Name}' is single-valued: only $select and $expand apply inside its $expand.");
        }

        if (item.TopOption < 0 || item.SkipOption < 0)
        {
            throw ODataRequestException.BadRequest("$top and $skip must not be negative.");
        }

        var selection = SelectionResolver.Resolve(item.SelectAndExpand, navigation.Target, nested: true);
        return new ExpandRequest
        {
            Navigation = navigation,
            Selection = selection,
            Filter = item.FilterOption,
            OrderBy = item.OrderByOption,
            Top = item.TopOption,
            Skip = item.SkipOption,
            Count = count,
            ContextItem = $"{navigation.Name}({selection.ContextList})",
        };
    }
}
