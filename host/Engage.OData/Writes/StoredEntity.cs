namespace Engage.OData.Writes;

/// <summary>A row read inside a write's transaction: its property values (canonical) and its version, if the set has one.</summary>
internal sealed record StoredEntity(IReadOnlyDictionary<string, object?> Values, long? Version);
