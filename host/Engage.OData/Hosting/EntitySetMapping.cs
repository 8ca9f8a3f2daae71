using Engage.OData.Writes;

namespace Engage.OData.Hosting;

/// <summary>
/// The table behind one entity set. Columns default to the property names; <see cref="Columns"/> lists
/// the exceptions (property name to column name). The key defaults to the entity type's single key.
/// </summary>
internal sealed record EntitySetMapping(string EntitySet, string Table)
{
    /// <summary>The key property; null to use the entity type's declared key.</summary>
    public string? KeyProperty { get; init; }

    /// <summary>Property name to column name, for the properties whose column has another name.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>The Edm.String properties <c>$search</c> looks in; null for all of them, empty to refuse <c>$search</c>.</summary>
    public IReadOnlyList<string>? SearchProperties { get; init; }

    /// <summary>What clients may insert, update and delete; null (the default) keeps the set read-only.</summary>
    public WritePolicy? Writes { get; init; }
}
