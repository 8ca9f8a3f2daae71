using Engage.Host.Security;
using Engage.Host.Security.Access;
using Engage.Host.Store;

namespace Engage.Host.Api;

/// <summary>
/// The role and workspace checks of the <c>/api</c> endpoints (<see cref="AccessMatrix.Api"/>): a role that may not call
/// the endpoint answers 403 saying which role is needed; a row of a workspace the key does not reach answers 404 with
/// the same words as a row that does not exist.
/// </summary>
internal static class ApiAccess
{
    /// <summary>403 when the principal's role may not call <paramref name="endpoint"/>; null when it may.</summary>
    public static IResult? Refuse(HttpContext context, string endpoint)
    {
        var grant = AccessMatrix.Api.GetValueOrDefault(endpoint);
        var principal = Principals.Of(context);
        if (principal is not null && AccessMatrix.Allows(grant, principal))
        {
            return null;
        }

        return Error(StatusCodes.Status403Forbidden, "Forbidden",
            $"{endpoint} needs {AccessMatrix.Describe(grant)}; this API key has the {principal?.Role.ToString() ?? "no"} role.");
    }

    /// <summary>
    /// The workspace of one row (<paramref name="table"/> is a constant of this code), or null when the row does not exist
    /// or its workspace is not one of the principal's.
    /// </summary>
    public static async Task<long?> VisibleWorkspaceAsync(HttpContext context, EngageDatabase database, string table, long id, CancellationToken cancellationToken)
    {
        var column = table == "Workspaces" ? "Id" : AccessMatrix.WorkspaceIdColumn;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {column} FROM {table} WHERE Id = @id").With("@id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is long workspace && Principals.Of(context)?.Workspaces.Contains(workspace) == true
            ? workspace
            : null;
    }

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "NotFound", message);

    private static IResult Error(int status, string code, string message) => Results.Json(new { error = new { code, message } }, statusCode: status);
}
