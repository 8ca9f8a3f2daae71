namespace Engage.Host.Security.Access;

/// <summary>Who may do one thing to one entity set: a set of roles, optionally only with a key for all workspaces.</summary>
[Flags]
internal enum Grant
{
    /// <summary>Nobody (a set read-only for everyone still answers 405 to writes, before any role check).</summary>
    None = 0,

    Admin = 1,

    Editor = 2,

    Approver = 4,

    Analyst = 8,

    /// <summary>Only a key whose workspaces are all of them (sets that span workspaces: the audit trail, the keys).</summary>
    AllWorkspaces = 16,

    /// <summary>The roles that change content: Admin and Editor.</summary>
    Writers = Admin | Editor,

    /// <summary>Every role.</summary>
    Everyone = Admin | Editor | Approver | Analyst,

    /// <summary>An Admin key for all workspaces.</summary>
    AdminOfAll = Admin | AllWorkspaces,
}
