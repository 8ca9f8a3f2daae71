using Engage.OData.Actions;
using Engage.OData.Hosting;
using Engage.OData.Metadata;
using Engage.OData.Writes;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Validation;

namespace Engage.OData.Binding;

/// <summary>Validates a definition against its model and compiles it; configuration errors throw at startup.</summary>
internal static class ServiceBindingFactory
{
    public static ServiceBinding Create(ODataServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(definition.Model);
        ArgumentNullException.ThrowIfNull(definition.OpenConnection);
        Require(definition.PageSize > 0, "PageSize must be positive.");
        Require(definition.MaxTop is null or >= 0, "MaxTop must not be negative.");
        Require(definition.MaxExpressionDepth > 0, "MaxExpressionDepth must be positive.");
        Require(definition.MaxRequestBodyBytes > 0, "MaxRequestBodyBytes must be positive.");
        Require(!string.IsNullOrWhiteSpace(definition.RoutePrefix) && definition.RoutePrefix.Trim('/') == definition.RoutePrefix,
            "RoutePrefix must be non-empty and have no leading or trailing '/'.");

        if (!definition.Model.Validate(out var errors))
        {
            throw new InvalidOperationException("The EDM model is invalid: " + string.Join("; ", errors.Select(e => e.ToString())));
        }

        var container = definition.Model.EntityContainer
            ?? throw new InvalidOperationException("The EDM model has no entity container.");
        var mappings = new Dictionary<string, EntitySetMapping>(StringComparer.Ordinal);
        foreach (var mapping in definition.EntitySets)
        {
            Require(mappings.TryAdd(mapping.EntitySet, mapping), $"Entity set '{mapping.EntitySet}' is mapped twice.");
        }

        var sets = new List<EntitySetBinding>();
        foreach (var entitySet in container.EntitySets())
        {
            Require(mappings.Remove(entitySet.Name, out var mapping), $"Entity set '{entitySet.Name}' has no table mapping.");
            sets.Add(Bind(entitySet, mapping!, definition));
        }

        Require(mappings.Count == 0, $"Mapped entity sets not in the model: {string.Join(", ", mappings.Keys)}.");
        NavigationBinder.BindAll(sets);
        return new ServiceBinding(definition, sets, MetadataDocument.Create(definition.Model))
        {
            Actions = ActionBinder.Bind(definition, sets),
        };
    }

    private static EntitySetBinding Bind(IEdmEntitySet entitySet, EntitySetMapping mapping, ODataServiceDefinition definition)
    {
        var dialect = definition.Dialect;
        var type = entitySet.EntityType();
        Require(!string.IsNullOrWhiteSpace(mapping.Table), $"Entity set '{entitySet.Name}' maps to an empty table name.");
        var declaredKey = type.Key().ToList();
        Require(declaredKey.Count == 1, $"Entity set '{entitySet.Name}' must have exactly one key property (composite keys are not supported yet).");
        var keyName = mapping.KeyProperty ?? declaredKey[0].Name;
        Require(keyName == declaredKey[0].Name, $"Entity set '{entitySet.Name}': key property '{keyName}' is not the entity type's key.");

        var unknownColumns = mapping.Columns.Keys.Where(name => type.FindProperty(name) is not IEdmStructuralProperty).ToList();
        Require(unknownColumns.Count == 0, $"Entity set '{entitySet.Name}' maps unknown properties: {string.Join(", ", unknownColumns)}.");

        var properties = new List<PropertyBinding>();
        PropertyBinding? key = null;
        foreach (var property in type.StructuralProperties())
        {
            Require(property.Type.IsPrimitive() && dialect.Supports(property.Type.AsPrimitive().PrimitiveKind()),
                $"Property '{type.Name}.{property.Name}' has type {property.Type.FullName()}, which is not supported.");
            var column = mapping.Columns.GetValueOrDefault(property.Name) ?? property.Name;
            Require(!string.IsNullOrWhiteSpace(column), $"Property '{type.Name}.{property.Name}' maps to an empty column name.");
            var binding = new PropertyBinding(property, column, dialect.QuoteIdentifier(column));
            properties.Add(binding);
            if (property.Name == keyName)
            {
                key = binding;
            }
        }

        return new EntitySetBinding(entitySet, mapping.Table, dialect.QuoteIdentifier(mapping.Table), key!, properties)
        {
            SearchProperties = BindSearchProperties(entitySet, mapping, properties),
            Writes = WriteBindingFactory.Create(entitySet, mapping.Writes, properties, dialect),
        };
    }

    private static List<PropertyBinding> BindSearchProperties(IEdmEntitySet entitySet, EntitySetMapping mapping, List<PropertyBinding> properties)
    {
        if (mapping.SearchProperties is null)
        {
            return properties.Where(p => p.Kind == EdmPrimitiveTypeKind.String).ToList();
        }

        var searchable = new List<PropertyBinding>();
        foreach (var name in mapping.SearchProperties)
        {
            var property = properties.Find(p => p.Name == name);
            Require(property is not null, $"Entity set '{entitySet.Name}' lists unknown search property '{name}'.");
            Require(property!.Kind == EdmPrimitiveTypeKind.String, $"Search property '{entitySet.Name}.{name}' is not Edm.String.");
            Require(!searchable.Contains(property), $"Search property '{entitySet.Name}.{name}' is listed twice.");
            searchable.Add(property);
        }

        return searchable;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("OData service definition: " + message);
        }
    }
}
