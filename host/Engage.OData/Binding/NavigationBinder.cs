using Microsoft.OData.Edm;

namespace Engage.OData.Binding;

/// <summary>
/// Binds every navigation property of every entity set from the model alone: the navigation target
/// (<c>NavigationPropertyBinding</c>) must be a served entity set, and the property (or its partner)
/// must carry a referential constraint with exactly one property pair. Errors throw at startup.
/// </summary>
internal static class NavigationBinder
{
    public static void BindAll(IReadOnlyList<EntitySetBinding> sets)
    {
        var bySet = sets.ToDictionary<EntitySetBinding, IEdmEntitySet, EntitySetBinding>(s => s.EntitySet, s => s, ReferenceEqualityComparer.Instance);
        foreach (var source in sets)
        {
            foreach (var property in source.EntitySet.EntityType().NavigationProperties())
            {
                source.AddNavigation(Bind(source, property, bySet));
            }
        }
    }

    private static NavigationBinding Bind(EntitySetBinding source, IEdmNavigationProperty property, Dictionary<IEdmEntitySet, EntitySetBinding> bySet)
    {
        var where = $"Navigation property '{source.Name}/{property.Name}'";
        Require(!property.ContainsTarget, $"{where} is a containment navigation, which is not supported.");
        var targetSet = source.EntitySet.FindNavigationTarget(property) as IEdmEntitySet
            ?? throw Error($"{where} has no navigation property binding to an entity set.");
        var target = bySet.GetValueOrDefault(targetSet) ?? throw Error($"{where} targets '{targetSet.Name}', which is not served.");

        IEdmStructuralProperty sourceProperty;
        IEdmStructuralProperty targetProperty;
        if (property.ReferentialConstraint is { } own)
        {
            var pairs = own.PropertyPairs.ToList();
            Require(pairs.Count == 1, $"{where} must have exactly one referential constraint pair.");
            (sourceProperty, targetProperty) = (pairs[0].DependentProperty, pairs[0].PrincipalProperty);
        }
        else if (property.Partner?.ReferentialConstraint is { } partner)
        {
            var pairs = partner.PropertyPairs.ToList();
            Require(pairs.Count == 1, $"{where} must have exactly one referential constraint pair (on its partner).");
            (sourceProperty, targetProperty) = (pairs[0].PrincipalProperty, pairs[0].DependentProperty);
        }
        else
        {
            throw Error($"{where} has no referential constraint, on itself or on its partner.");
        }

        var sourceColumn = source.Find(sourceProperty) ?? throw Error($"{where}: '{sourceProperty.Name}' is not a property of '{source.Name}'.");
        var targetColumn = target.Find(targetProperty) ?? throw Error($"{where}: '{targetProperty.Name}' is not a property of '{target.Name}'.");
        Require(property.Type.IsCollection() || targetColumn == target.Key,
            $"{where} is single-valued, so its constraint must point at the key of '{target.Name}'.");
        Require(SameStorage(sourceColumn, targetColumn),
            $"{where} joins {sourceColumn.Kind} to {targetColumn.Kind}; the two properties need the same type.");
        return new NavigationBinding(property, source, target, sourceColumn, targetColumn);
    }

    private static bool SameStorage(PropertyBinding left, PropertyBinding right) =>
        left.Kind == right.Kind || (IsInteger(left.Kind) && IsInteger(right.Kind));

    private static bool IsInteger(EdmPrimitiveTypeKind kind) => kind is EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte
        or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw Error(message);
        }
    }

    private static InvalidOperationException Error(string message) => new("OData service definition: " + message);
}
