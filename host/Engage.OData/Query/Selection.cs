using Engage.OData.Binding;

namespace Engage.OData.Query;

/// <summary>The properties written for each entity, and the <c>(A,B)</c> part of the context URL (null when all are selected).</summary>
internal sealed record Selection(IReadOnlyList<PropertyBinding> Properties, string? ContextList);
