using System.Text.Json;
using Engage.OData.Writes;

namespace Engage.OData.Actions;

/// <summary>Reads an action's JSON body: one member per parameter, each of its EDM type; unknown or missing ones are reported by name.</summary>
internal static class ActionParameterReader
{
    public static Dictionary<string, object?> Read(JsonElement? body, BoundActionDefinition action, WriteProblems problems)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (body is { } element)
        {
            foreach (var member in element.EnumerateObject())
            {
                var parameter = action.Parameters.FirstOrDefault(p => p.Name == member.Name);
                if (parameter is null)
                {
                    problems.AddError(member.Name, $"'{member.Name}' is not a parameter of {action.Name}.");
                }
                else if (values.ContainsKey(member.Name))
                {
                    problems.AddError(member.Name, $"'{member.Name}' is given twice.");
                }
                else if (!JsonValueReader.TryRead(member.Value, parameter.Kind, out var value, out var expected))
                {
                    problems.AddError(member.Name, $"'{member.Name}' must be {expected}.");
                }
                else if (value is null && !parameter.Nullable)
                {
                    problems.AddError(member.Name, $"'{member.Name}' must not be null.");
                }
                else
                {
                    values[member.Name] = value;
                }
            }
        }

        foreach (var parameter in action.Parameters)
        {
            if (!parameter.Nullable && !values.ContainsKey(parameter.Name) && body?.TryGetProperty(parameter.Name, out _) != true)
            {
                problems.AddError(parameter.Name, $"'{parameter.Name}' is required.");
            }

            values.TryAdd(parameter.Name, null);
        }

        return values;
    }
}
