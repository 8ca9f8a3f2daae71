using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Json;
using Microsoft.OData.UriParser;

namespace Engage.OData.Query;

/// <summary>Reads <c>Set(key)/Nav</c>, <c>Set(key)/Nav/$count</c> and <c>Set(key)/Nav(key2)</c>; null for any other path.</summary>
internal static class NavigationPathReader
{
    public static (RequestKind Kind, EntitySetBinding Target, object? TargetKey, NavigationPath Path)? Read(ODataPath path, ServiceBinding service)
    {
        var segments = path.ToList();
        if (segments.Count < 3 || segments[0] is not EntitySetSegment setSegment || segments[1] is not KeySegment parentKey
            || segments[2] is not NavigationPropertySegment navigationSegment)
        {
            return null;
        }

        var parent = service.Find(setSegment.EntitySet)
            ?? throw ODataRequestException.NotFound($"The entity set '{setSegment.EntitySet.Name}' is not served.");
        var navigation = parent.FindNavigation(navigationSegment.NavigationProperty)
            ?? throw ODataRequestException.NotFound($"The navigation property '{navigationSegment.NavigationProperty.Name}' is not served.");
        var key = SingleKey(parentKey);
        var navigationPath = new NavigationPath
        {
            Parent = parent,
            ParentKey = key,
            Navigation = navigation,
            Path = $"{parent.Name}({KeyLiteral.Format(key, parent.Key.Kind)})/{navigation.Name}",
        };
        var target = navigation.Target;
        switch (segments.Count)
        {
            case 3:
                return (navigation.IsCollection ? RequestKind.Collection : RequestKind.Entity, target, null, navigationPath);
            case 4 when segments[3] is CountSegment && navigation.IsCollection:
                return (RequestKind.Count, target, null, navigationPath);
            case 4 when segments[3] is KeySegment targetKey && navigation.IsCollection:
                return (RequestKind.Entity, target, SingleKey(targetKey), navigationPath);
            default:
                throw ODataRequestException.NotImplemented(
                    $"The path segment '{segments[3].Identifier}' after a navigation property is not supported yet.");
        }
    }

    private static object SingleKey(KeySegment segment)
    {
        var values = segment.Keys.ToList();
        return values.Count == 1 && values[0].Value is { } value
            ? value
            : throw ODataRequestException.BadRequest("Exactly one key value is expected.");
    }
}
