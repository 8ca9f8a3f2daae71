namespace Engage.OData.Query;

/// <summary>What a resource path addresses.</summary>
internal enum RequestKind
{
    /// <summary><c>/Set</c>: a feed.</summary>
    Collection,

    /// <summary><c>/Set(key)</c>: one entity.</summary>
    Entity,

    /// <summary><c>/Set/$count</c>: a number as text.</summary>
    Count,
}
