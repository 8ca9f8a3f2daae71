using System.Text.Json;
using Engage.OData.Binding;
using Engage.OData.Sql;
using Microsoft.OData.Edm;

namespace Engage.OData.Writes;

/// <summary>
/// Turns the JSON object of a <c>POST</c>/<c>PATCH</c> body into property values: each property must exist
/// and be writable for the operation, its value must fit its EDM type and nullability. Every problem is
/// reported with the property as its target; control information (<c>@odata.type</c> of the set's type) is accepted.
/// </summary>
internal static class EntityBodyReader
{
    public static Dictionary<string, object?> Read(
        JsonElement body, EntitySetBinding set, WriteOperation operation, object? addressedKey, WriteProblems problems)
    {
        var writes = set.Writes!;
        var allowed = operation == WriteOperation.Insert ? writes.Insertable : writes.Updatable;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in body.EnumerateObject())
        {
            var name = member.Name;
            if (!seen.Add(name))
            {
                problems.AddError(name, $"'{name}' is given twice.");
                continue;
            }

            if (name.Contains('@', StringComparison.Ordinal))
            {
                CheckAnnotation(member, set, problems);
                continue;
            }

            var property = set.Properties.FirstOrDefault(p => p.Name == name);
            if (property is null)
            {
                problems.AddError(name, $"'{name}' is not a property of {set.EntitySet.EntityType().FullName()}.");
                continue;
            }

            if (!JsonValueReader.TryRead(member.Value, property.Kind, out var value, out var expected))
            {
                problems.AddError(name, $"'{name}' must be {expected}.");
                continue;
            }

            if (!allowed.Contains(property))
            {
                if (operation == WriteOperation.Update && property == set.Key && value is not null && SameKey(value, addressedKey, property))
                {
                    continue;
                }

                problems.AddError(name, operation == WriteOperation.Insert
                    ? $"'{name}' is set by the server and cannot be given when creating an entity in '{set.Name}'."
                    : $"'{name}' cannot be changed in '{set.Name}'.");
                continue;
            }

            if (value is null && !property.IsNullable)
            {
                problems.AddError(name, $"'{name}' must not be null.");
                continue;
            }

            values[name] = value;
        }

        if (operation == WriteOperation.Insert)
        {
            foreach (var property in writes.Insertable)
            {
                if (!property.IsNullable && !values.ContainsKey(property.Name) && !seen.Contains(property.Name) && !writes.OptionalOnInsert.Contains(property))
                {
                    problems.AddError(property.Name, $"'{property.Name}' is required.");
                }
            }
        }

        return values;
    }

    private static void CheckAnnotation(JsonProperty member, EntitySetBinding set, WriteProblems problems)
    {
        if (member.Name != "@odata.type")
        {
            return;
        }

        var type = set.EntitySet.EntityType().FullName();
        if (member.Value.ValueKind != JsonValueKind.String || member.Value.GetString()?.TrimStart('#') != type)
        {
            problems.AddError(member.Name, $"'@odata.type' must be '#{type}' (derived types are not supported).");
        }
    }

    private static bool SameKey(object value, object? addressedKey, PropertyBinding key) =>
        addressedKey is not null && Equals(value, LiteralConverter.Convert(addressedKey, key.Kind));
}
