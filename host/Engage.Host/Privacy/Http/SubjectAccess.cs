using System.Globalization;
using Engage.Host.Security;
using Engage.Host.Store;

namespace Engage.Host.Privacy.Http;

/// <summary>
/// Who may export or erase a person's data over HTTP: Admin keys only, and only contacts of workspaces the key is
/// scoped to (a key without a workspace list sees all). The one place to rewire when roles move to the access layer.
/// </summary>
internal static class SubjectAccess
{
    /// <summary>Whether the request's principal may export and erase (an Admin key).</summary>
    public static bool CanManage(HttpContext context) =>
        context.Items[ApiKeyMiddleware.PrincipalItem] is ApiKeyStore.Principal { Role: "Admin" };

    /// <summary>The workspaces the request's key may see: a test on a workspace Id.</summary>
    public static async Task<Func<long, bool>> VisibleWorkspacesAsync(HttpContext context, EngageDatabase database, CancellationToken cancellationToken)
    {
        if (context.Items[ApiKeyMiddleware.PrincipalItem] is not ApiKeyStore.Principal principal)
        {
            return _ => false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT Workspaces FROM ApiKeys WHERE Id = @id").With("@id", principal.KeyId);
        if (await command.ExecuteScalarAsync(cancellationToken) is not string list)
        {
            return _ => true;
        }

        var allowed = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => long.Parse(w, CultureInfo.InvariantCulture)).ToHashSet();
        return allowed.Contains;
    }

    /// <summary>The answer to a principal that is not an Admin.</summary>
    public static IResult Forbidden() => Results.Json(
        new { error = new { code = "Forbidden", message = "Only an Admin key may export or erase a person's data. Ask an administrator to run the request." } },
        statusCode: StatusCodes.Status403Forbidden);
}
