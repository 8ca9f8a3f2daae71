using Engage.OData.Binding;

namespace Engage.OData.Query;

/// <summary>
/// The properties written for each entity, the expanded navigations, and the <c>(A,B,Nav(C,D))</c> part
/// of the context URL (null when all properties are selected and nothing is expanded).
/// </summary>
internal sealed record Selection(IReadOnlyList<PropertyBinding> Properties, string? ContextList)
{
    /// <summary>The expanded navigation properties, in request order.</summary>
    public IReadOnlyList<ExpandRequest> Expands { get; init; } = [];
}
