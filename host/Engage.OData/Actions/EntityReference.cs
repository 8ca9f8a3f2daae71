namespace Engage.OData.Actions;

/// <summary>An entity an action returns: the engine reads it back (within the caller's row scope) and writes it.</summary>
internal sealed record EntityReference(string EntitySet, object Key);
