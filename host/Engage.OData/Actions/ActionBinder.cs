using Engage.OData.Binding;
using Engage.OData.Hosting;
using Microsoft.OData.Edm;

namespace Engage.OData.Actions;

/// <summary>
/// Matches the registered actions with the model's bound actions: each registration needs exactly one
/// <c>EdmAction</c> of that name bound to its set's entity type with the same parameters, and every bound
/// action in the model needs a registration (so <c>$metadata</c> advertises nothing that is not served).
/// </summary>
internal static class ActionBinder
{
    public static IReadOnlyDictionary<IEdmAction, ActionBinding> Bind(ODataServiceDefinition definition, IReadOnlyList<EntitySetBinding> sets)
    {
        var bound = new Dictionary<IEdmAction, ActionBinding>(ReferenceEqualityComparer.Instance);
        foreach (var registration in definition.Actions)
        {
            var where = $"Action '{registration.Name}'";
            var set = sets.FirstOrDefault(s => s.Name == registration.EntitySet) ?? throw Error($"{where} is bound to '{registration.EntitySet}', which is not served.");
            var candidates = definition.Model.SchemaElements.OfType<IEdmAction>()
                .Where(a => a.IsBound && a.FullName() == registration.Name && a.Parameters.First().Type.Definition is IEdmEntityType type
                    && type.IsOrInheritsFrom(set.EntitySet.EntityType()))
                .ToList();
            Require(candidates.Count == 1, $"{where}: the model needs exactly one action of that name bound to {set.EntitySet.EntityType().FullName()}.");
            var action = candidates[0];
            var parameters = action.Parameters.Skip(1).ToList();
            Require(parameters.Count == registration.Parameters.Count, $"{where}: the model declares {parameters.Count} parameters, the registration {registration.Parameters.Count}.");
            for (var i = 0; i < parameters.Count; i++)
            {
                var (model, registered) = (parameters[i], registration.Parameters[i]);
                Require(model.Name == registered.Name && model.Type.IsPrimitive() && model.Type.AsPrimitive().PrimitiveKind() == registered.Kind
                        && model.Type.IsNullable == registered.Nullable,
                    $"{where}: parameter {i + 1} is '{model.Name}' {model.Type.FullName()} in the model, '{registered.Name}' Edm.{registered.Kind} in the registration.");
            }

            Require(action.ReturnType is null || action.ReturnType.IsEntity(), $"{where}: only actions returning nothing or an entity are supported.");
            Require(bound.TryAdd(action, new ActionBinding(registration, action, set)), $"{where} is registered twice.");
        }

        var unserved = definition.Model.SchemaElements.OfType<IEdmAction>().Where(a => a.IsBound && !bound.ContainsKey(a)).Select(a => a.FullName()).ToList();
        Require(unserved.Count == 0, $"The model declares bound actions without a handler: {string.Join(", ", unserved)}.");
        return bound;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw Error(message);
        }
    }

    private static InvalidOperationException Error(string message) => new("OData service definition: " + message);
}
