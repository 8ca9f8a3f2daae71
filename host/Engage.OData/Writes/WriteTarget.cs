using Engage.OData.Actions;
using Engage.OData.Binding;

namespace Engage.OData.Writes;

/// <summary>What the path of a non-GET request addresses: a collection, an entity, a bound action, or something read-only.</summary>
internal sealed record WriteTarget(WriteTargetKind Kind, EntitySetBinding? Set = null, object? Key = null, ActionBinding? Action = null);

/// <summary>The kinds of <see cref="WriteTarget"/>.</summary>
internal enum WriteTargetKind
{
    /// <summary><c>/Set</c>.</summary>
    Collection,

    /// <summary><c>/Set(key)</c>.</summary>
    Entity,

    /// <summary><c>/Set(key)/Namespace.Action</c>.</summary>
    Action,

    /// <summary>Anything else (counts, navigation paths, the service document, <c>$metadata</c>): GET only.</summary>
    ReadOnly,
}
