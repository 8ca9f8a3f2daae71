namespace Engage.OData.Actions;

/// <summary>
/// A bound action the host serves: <c>POST /{EntitySet}(key)/{Name}</c>. The model must declare the same
/// action (an <c>EdmAction</c> bound to the set's entity type, with these parameters in this order); the
/// engine checks both at startup and declares nothing itself.
/// </summary>
/// <param name="Name">The namespace-qualified name, e.g. <c>Engage.Reply</c>.</param>
/// <param name="EntitySet">The entity set whose entities the action is bound to.</param>
/// <param name="Parameters">The parameters after the binding parameter.</param>
/// <param name="Handler">What the action does.</param>
internal sealed record BoundActionDefinition(string Name, string EntitySet, IReadOnlyList<ActionParameter> Parameters, BoundActionHandler Handler);
