using Engage.Host.Api;
using Engage.Host.Security;

namespace Engage.Host.Privacy.Http;

/// <summary>
/// Who may export or erase a person's data over HTTP: the role matrix's rule for the endpoint (Admin keys), and only
/// contacts of workspaces the key reaches (another workspace's contact answers 404, as an unknown one does).
/// </summary>
internal static class SubjectAccess
{
    /// <summary>403 (saying which role is needed) when the principal may not call <paramref name="endpoint"/>; null when it may.</summary>
    public static IResult? Refuse(HttpContext context, string endpoint) => ApiAccess.Refuse(context, endpoint);

    /// <summary>The workspaces the request's key reaches, as a test on a workspace Id.</summary>
    public static Func<long, bool> VisibleWorkspaces(HttpContext context) =>
        Principals.Of(context) is { } principal ? principal.Workspaces.Contains : _ => false;
}
