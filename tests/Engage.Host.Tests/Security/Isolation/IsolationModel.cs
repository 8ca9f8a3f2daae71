using Engage.Host.ODataModel;
using Microsoft.OData.Edm;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>
/// What the isolation tests read from the public model, so a new entity set or navigation is covered without editing
/// the tests: which sets are scoped to a workspace and by which property, their navigations, and which are searchable.
/// </summary>
internal static class IsolationModel
{
    public static IEdmModel Model { get; } = EngageModel.Build();

    public static IReadOnlyList<IEdmEntitySet> Sets { get; } = [.. Model.EntityContainer.EntitySets()];

    /// <summary>Sets whose rows belong to a workspace: those with a WorkspaceId property, and Workspaces itself.</summary>
    public static IReadOnlyList<string> ScopedSets { get; } = [.. Sets.Where(s => ScopeProperty(s.Name) is not null).Select(s => s.Name)];

    /// <summary>The property that says which workspace a row belongs to: WorkspaceId, Id for Workspaces, null for global sets.</summary>
    public static string? ScopeProperty(string set) =>
        set == "Workspaces" ? "Id" : Find(set).EntityType().FindProperty("WorkspaceId") is not null ? "WorkspaceId" : null;

    /// <summary>An OData filter for the rows of <paramref name="workspace"/>, or null for a global set.</summary>
    public static string? ScopeFilter(string set, long workspace) => ScopeProperty(set) is { } property ? $"{property} eq {workspace}" : null;

    public static IEdmEntitySet Find(string set) => Sets.Single(s => s.Name == set);

    /// <summary>Every navigation of a set: its name, target set and whether it is a collection.</summary>
    public static IReadOnlyList<(string Name, string Target, bool Collection)> Navigations(string set) =>
        [.. Find(set).NavigationPropertyBindings.Select(b => (b.NavigationProperty.Name, b.Target.Name, b.NavigationProperty.Type.IsCollection()))];

    /// <summary>Whether <c>$search</c> applies (the set has text properties).</summary>
    public static bool Searchable(string set) =>
        Find(set).EntityType().StructuralProperties().Any(p => p.Type.IsString());

    /// <summary>The foreign keys behind the navigations: dependent set, its FK column, principal set, and both navigation names.</summary>
    public static IEnumerable<(string Dependent, string ForeignKey, string Principal, string ToPrincipal, string ToDependents)> ForeignKeys() =>
        from set in Sets
        from binding in set.NavigationPropertyBindings
        let navigation = binding.NavigationProperty
        where navigation.ReferentialConstraint is not null
        select (set.Name, navigation.ReferentialConstraint.PropertyPairs.Single().DependentProperty.Name, binding.Target.Name, navigation.Name,
            navigation.Partner.Name);
}
