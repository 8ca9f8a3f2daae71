namespace Engage.OData.Security;

/// <summary>What a request is about to do to an entity set (see <see cref="ODataAccess"/>).</summary>
internal enum ODataAccessKind
{
    /// <summary>Read rows: the set itself, a key lookup, <c>$count</c>, <c>$apply</c>, or the set as a navigation, <c>$expand</c> or lambda target.</summary>
    Read,

    /// <summary>Create a row (<c>POST /Set</c>).</summary>
    Insert,

    /// <summary>Change a row (<c>PATCH /Set(key)</c>).</summary>
    Update,

    /// <summary>Remove a row (<c>DELETE /Set(key)</c>).</summary>
    Delete,

    /// <summary>Call a bound action (<c>POST /Set(key)/Ns.Action</c>); <see cref="ODataAccess.Action"/> names it.</summary>
    Action,
}
