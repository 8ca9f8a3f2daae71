using Microsoft.OData.Edm;

namespace Engage.OData.Binding;

/// <summary>One entity set, its table, key and property bindings (in declaration order).</summary>
internal sealed class EntitySetBinding
{
    private readonly Dictionary<IEdmProperty, PropertyBinding> _byProperty;
    private readonly Dictionary<IEdmNavigationProperty, NavigationBinding> _navigations = new(ReferenceEqualityComparer.Instance);

    public EntitySetBinding(IEdmEntitySet entitySet, string table, string quotedTable, PropertyBinding key, IReadOnlyList<PropertyBinding> properties)
    {
        EntitySet = entitySet;
        Table = table;
        QuotedTable = quotedTable;
        Key = key;
        Properties = properties;
        _byProperty = properties.ToDictionary<PropertyBinding, IEdmProperty, PropertyBinding>(p => p.Property, p => p, ReferenceEqualityComparer.Instance);
        TypeAnnotation = "#" + entitySet.EntityType().FullTypeName();
    }

    public IEdmEntitySet EntitySet { get; }

    public string Name => EntitySet.Name;

    public string Table { get; }

    public string QuotedTable { get; }

    public PropertyBinding Key { get; }

    public IReadOnlyList<PropertyBinding> Properties { get; }

    /// <summary>The <c>@odata.type</c> value of the set's entity type.</summary>
    public string TypeAnnotation { get; }

    /// <summary>The text properties <c>$search</c> looks in (none: the set is not searchable).</summary>
    public IReadOnlyList<PropertyBinding> SearchProperties { get; init; } = [];

    /// <summary>What clients may change in this set; null when it is read-only.</summary>
    public Writes.WriteBinding? Writes { get; init; }

    public PropertyBinding? Find(IEdmProperty property) => _byProperty.GetValueOrDefault(property);

    /// <summary>The navigation properties of the set, bound at startup.</summary>
    public IReadOnlyCollection<NavigationBinding> Navigations => _navigations.Values;

    public NavigationBinding? FindNavigation(IEdmNavigationProperty property) => _navigations.GetValueOrDefault(property);

    internal void AddNavigation(NavigationBinding navigation) => _navigations.Add(navigation.Property, navigation);
}
