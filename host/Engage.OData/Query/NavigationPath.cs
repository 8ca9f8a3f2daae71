using Engage.OData.Binding;

namespace Engage.OData.Query;

/// <summary>
/// A path through a navigation property: <c>Parent(key)/Nav</c>, <c>Parent(key)/Nav/$count</c> or
/// <c>Parent(key)/Nav(key2)</c>. The addressed rows are those of <c>Navigation.Target</c> related to the parent.
/// </summary>
internal sealed class NavigationPath
{
    public required EntitySetBinding Parent { get; init; }

    /// <summary>The parent's key literal as parsed.</summary>
    public required object ParentKey { get; init; }

    public required NavigationBinding Navigation { get; init; }

    /// <summary>The canonical path (e.g. <c>Customers(3)/Orders</c>) for next links and skip tokens.</summary>
    public required string Path { get; init; }
}
