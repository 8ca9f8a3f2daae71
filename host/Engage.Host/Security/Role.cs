namespace Engage.Host.Security;

/// <summary>
/// What a principal may do (product.md "Roles"); stored in <c>ApiKeys.Role</c> by name. What each role may read and
/// change is the table in <see cref="Access.AccessMatrix"/>.
/// </summary>
internal enum Role
{
    /// <summary>Everything: every set, every write, key and connection management.</summary>
    Admin,

    /// <summary>The inbox, moments, listening queries and publications of its workspaces; cannot approve.</summary>
    Editor,

    /// <summary>Approves or rejects publications of its workspaces; reads the rest.</summary>
    Approver,

    /// <summary>Reads its workspaces; changes nothing.</summary>
    Analyst,
}
