namespace Engage.Host.Security.Access;

/// <summary>How the rows of an entity set are restricted to a principal's workspaces.</summary>
internal enum SetScope
{
    /// <summary>The set's <c>WorkspaceId</c> column must be one of the principal's workspaces.</summary>
    WorkspaceColumn,

    /// <summary>The <c>Workspaces</c> set itself: its key <c>Id</c> must be one of the principal's workspaces.</summary>
    WorkspaceKey,

    /// <summary>Not tied to a workspace (the metric registry, plugins, the audit trail, keys): no row restriction, only the grants.</summary>
    Global,
}
