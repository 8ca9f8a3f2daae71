using Engage.Host.Security;
using Engage.OData.Writes;

namespace Engage.Host.ODataWrites;

/// <summary>
/// The insert scope hook of the sets whose rows carry a <c>WorkspaceId</c>: the workspace must exist and be one of
/// the caller's. A workspace the key does not reach is refused with exactly the words of one that does not exist, so
/// a key cannot learn which workspaces exist (400 naming <c>WorkspaceId</c>). No set lets an update change
/// <c>WorkspaceId</c> (it is never updatable), and the engine reads every written row back within the row scope.
/// </summary>
internal static class WorkspaceAccess
{
    public static async ValueTask CheckInsertAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Get("WorkspaceId") is long workspace
            && (Principals.Of(write.HttpContext)?.Workspaces.Contains(workspace) != true
                || !await StoreLookups.WorkspaceExistsAsync(write, workspace, cancellationToken)))
        {
            write.AddError("WorkspaceId", $"There is no workspace {workspace}.");
        }
    }
}
