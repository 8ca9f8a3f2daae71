using Engage.OData.Writes;

namespace Engage.Host.ODataWrites;

/// <summary>
/// The insert scope hook of the sets whose rows carry a <c>WorkspaceId</c>: the workspace must exist. This is
/// where the roles-and-scopes work (issue 4) also checks that the caller's key covers the workspace, next to the
/// row scope it will set on the OData service.
/// </summary>
internal static class WorkspaceAccess
{
    public static async ValueTask CheckInsertAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Get("WorkspaceId") is long workspace && !await StoreLookups.WorkspaceExistsAsync(write, workspace, cancellationToken))
        {
            write.AddError("WorkspaceId", $"There is no workspace {workspace}.");
        }
    }
}
