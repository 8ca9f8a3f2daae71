using System.Globalization;
using Engage.OData.Security;
using Engage.OData.Sql;

namespace Engage.Host.Security.Access;

/// <summary>
/// The two hooks the OData service gets from <see cref="AccessMatrix"/>: <see cref="RowScope"/> restricts every statement
/// over a workspace's data to the principal's workspaces (<c>"WorkspaceId" IN (@ws0, …)</c>, parameterised; the
/// <c>Workspaces</c> set by its <c>Id</c>); <see cref="Authorize"/> answers whether the principal's role may do an access,
/// or the 403 message saying which role it needs. A request without a principal gets nothing (fail closed).
/// </summary>
internal static class AccessPolicy
{
    private static readonly SqlCondition NoRows = new("0 = 1");

    public static SqlCondition? RowScope(HttpContext context, string entitySet)
    {
        if (Principals.Of(context) is not { } principal || !AccessMatrix.Rules.TryGetValue(entitySet, out var rule))
        {
            return NoRows;
        }

        if (rule.Scope == SetScope.Global || principal.Workspaces.All)
        {
            return null;
        }

        var ids = principal.Workspaces.Ids;
        if (ids.Count == 0)
        {
            return NoRows;
        }

        var column = rule.Scope == SetScope.WorkspaceKey ? "Id" : AccessMatrix.WorkspaceIdColumn;
        var parameters = ids.Select((id, i) => ("@ws" + i.ToString(CultureInfo.InvariantCulture), (object?)id)).ToDictionary(p => p.Item1, p => p.Item2);
        return new SqlCondition($"\"{column}\" IN ({string.Join(", ", parameters.Keys)})", parameters);
    }

    public static string? Authorize(HttpContext context, ODataAccess access)
    {
        if (Principals.Of(context) is not { } principal)
        {
            return "An API key is required.";
        }

        if (access.Kind == ODataAccessKind.Action)
        {
            var grant = access.Action is { } name ? AccessMatrix.Actions.GetValueOrDefault(name) : Grant.None;
            return AccessMatrix.Allows(grant, principal) ? null : Refusal($"Calling '{access.Action}' on '{access.EntitySet}'", grant, principal);
        }

        if (!AccessMatrix.Rules.TryGetValue(access.EntitySet, out var rule))
        {
            return $"'{access.EntitySet}' has no access rule; nobody may use it.";
        }

        var (what, allowed) = access.Kind switch
        {
            ODataAccessKind.Read => ("Reading", rule.Read),
            ODataAccessKind.Insert => ("Creating rows in", rule.Insert),
            ODataAccessKind.Update => ("Changing rows of", rule.Update),
            _ => ("Deleting rows of", rule.Delete),
        };
        if (!AccessMatrix.Allows(allowed, principal))
        {
            return Refusal($"{what} '{access.EntitySet}'", allowed, principal);
        }

        if (access is { Kind: ODataAccessKind.Update, Properties: { } properties } && rule.UpdateOnly.TryGetValue(principal.Role, out var only)
            && properties.FirstOrDefault(p => !only.Contains(p)) is { } other)
        {
            return $"An {principal.Role} key may change only {string.Join(", ", only.Select(p => $"'{p}'"))} of '{access.EntitySet}'; " +
                $"changing '{other}' needs {AccessMatrix.Describe(allowed & ~Flag(principal.Role))}.";
        }

        return null;
    }

    private static string Refusal(string what, Grant needed, ApiKeyStore.Principal principal) =>
        $"{what} needs {AccessMatrix.Describe(needed)}; this API key has the {principal.Role} role" +
        (needed.HasFlag(Grant.AllWorkspaces) && principal.Role == Role.Admin ? $" for {principal.Workspaces} only." : ".");

    private static Grant Flag(Role role) => Enum.Parse<Grant>(role.ToString());
}
