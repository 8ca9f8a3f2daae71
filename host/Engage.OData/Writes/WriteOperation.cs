namespace Engage.OData.Writes;

/// <summary>The kind of change a write request makes.</summary>
internal enum WriteOperation
{
    /// <summary><c>POST /Set</c>.</summary>
    Insert,

    /// <summary><c>PATCH /Set(key)</c>.</summary>
    Update,

    /// <summary><c>DELETE /Set(key)</c>.</summary>
    Delete,

    /// <summary><c>POST /Set(key)/Namespace.Action</c>: seen only by the <see cref="ChangeHook"/> (write hooks never see it).</summary>
    Action,
}
