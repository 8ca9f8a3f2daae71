using Engage.OData.Binding;
using Engage.OData.Sql;
using Microsoft.OData.Edm;

namespace Engage.OData.Writes;

/// <summary>Checks a set's <see cref="WritePolicy"/> against its properties at startup; configuration errors throw.</summary>
internal static class WriteBindingFactory
{
    public static WriteBinding? Create(IEdmEntitySet entitySet, WritePolicy? policy, IReadOnlyList<PropertyBinding> properties, ISqlDialect dialect)
    {
        if (policy is null)
        {
            return null;
        }

        var name = entitySet.Name;
        var insertable = Resolve(name, "insertable", policy.Insertable, properties);
        var updatable = Resolve(name, "updatable", policy.Updatable, properties);
        var optional = Resolve(name, "optional on insert", policy.OptionalOnInsert, properties);
        var key = entitySet.EntityType().Key().Single().Name;
        Require(updatable.All(p => p.Name != key), $"Entity set '{name}': the key '{key}' cannot be updatable.");
        var unfilled = insertable.Count == 0 ? [] : properties
            .Where(p => !p.IsNullable && p.Name != key && !insertable.Contains(p) && !optional.Contains(p))
            .Select(p => p.Name)
            .ToList();
        Require(unfilled.Count == 0,
            $"Entity set '{name}' accepts POST, but nothing gives a value to {string.Join(", ", unfilled)}: make them insertable or list them as optional on insert (a store default or a hook).");
        Require(policy.VersionColumn is null || !string.IsNullOrWhiteSpace(policy.VersionColumn), $"Entity set '{name}': the version column is empty.");
        Require(policy.VersionColumn is null || properties.All(p => p.Column != policy.VersionColumn),
            $"Entity set '{name}': the version column '{policy.VersionColumn}' is also a property's column.");
        return new WriteBinding(policy, insertable, updatable, optional,
            policy.VersionColumn is null ? null : dialect.QuoteIdentifier(policy.VersionColumn));
    }

    private static HashSet<PropertyBinding> Resolve(string set, string what, IReadOnlyCollection<string> names, IReadOnlyList<PropertyBinding> properties)
    {
        var resolved = new HashSet<PropertyBinding>();
        foreach (var propertyName in names)
        {
            var property = properties.FirstOrDefault(p => p.Name == propertyName);
            Require(property is not null, $"Entity set '{set}' lists unknown {what} property '{propertyName}'.");
            resolved.Add(property!);
        }

        return resolved;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("OData service definition: " + message);
        }
    }
}
