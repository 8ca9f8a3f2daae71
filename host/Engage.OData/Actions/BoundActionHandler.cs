namespace Engage.OData.Actions;

/// <summary>
/// Runs a bound action inside its transaction (committed when the handler returns without reporting a
/// problem). Returns the entity to answer with (200), or null for no content (204).
/// </summary>
internal delegate ValueTask<EntityReference?> BoundActionHandler(ActionInvocation invocation, CancellationToken cancellationToken);
