using Engage.OData.Sql;

namespace Engage.Host.Security;

/// <summary>
/// Who may manage API keys over OData: Admin keys only. Until the per-set authorization of the roles work replaces it, the
/// row scope of the <c>ApiKeys</c> set is empty for every other key, so they see no key (reads list nothing, a key answers
/// 404), cannot revoke one (404) and cannot create one (403: the new row would be outside what they may see).
/// </summary>
internal static class ApiKeyAccess
{
    private static readonly SqlCondition Nothing = new("0 = 1");

    public static bool CanManage(HttpContext context) =>
        context.Items[ApiKeyMiddleware.PrincipalItem] is ApiKeyStore.Principal { Role: "Admin" };

    /// <summary>The row scope of the OData service: nothing of <c>ApiKeys</c> for a non-Admin key, no restriction otherwise.</summary>
    public static SqlCondition? RowScope(HttpContext context, string entitySet) =>
        entitySet == "ApiKeys" && !CanManage(context) ? Nothing : null;
}
