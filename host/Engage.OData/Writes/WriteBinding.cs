using Engage.OData.Binding;

namespace Engage.OData.Writes;

/// <summary>A <see cref="WritePolicy"/> bound to an entity set's properties at startup.</summary>
internal sealed class WriteBinding(
    WritePolicy policy,
    IReadOnlySet<PropertyBinding> insertable,
    IReadOnlySet<PropertyBinding> updatable,
    IReadOnlySet<PropertyBinding> optionalOnInsert,
    string? quotedVersionColumn)
{
    public WritePolicy Policy { get; } = policy;

    public IReadOnlySet<PropertyBinding> Insertable { get; } = insertable;

    public IReadOnlySet<PropertyBinding> Updatable { get; } = updatable;

    public IReadOnlySet<PropertyBinding> OptionalOnInsert { get; } = optionalOnInsert;

    /// <summary>The quoted version column, or null when the set has no ETags.</summary>
    public string? QuotedVersionColumn { get; } = quotedVersionColumn;

    public bool CanInsert => Insertable.Count > 0;

    public bool CanUpdate => Updatable.Count > 0;

    public bool CanDelete => Policy.Deletable;
}
