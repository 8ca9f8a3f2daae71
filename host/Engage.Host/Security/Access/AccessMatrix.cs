using Microsoft.OData.Edm;
using static Engage.Host.Security.Access.Grant;
using static Engage.Host.Security.Access.SetScope;

namespace Engage.Host.Security.Access;

/// <summary>
/// The role matrix, in one table: for every entity set how its rows are scoped to the principal's workspaces and
/// which roles may read, insert, update and delete; then who may call each bound action. A set writable by nobody
/// here may still be read-only in the engine (405 before any role check). Every entity set of the model must have a
/// rule, and its scope must match the model (a set with a <c>WorkspaceId</c> property is scoped by it), or the
/// server refuses to start (<see cref="Check"/>). "ApiKeys" is listed for the key-management set.
/// </summary>
internal static class AccessMatrix
{
    public const string WorkspaceIdColumn = "WorkspaceId";

    private static readonly SetRule[] Table =
    [
        //  set                  scope             read        insert      update                 delete
        new("Workspaces",        WorkspaceKey,     Everyone,   AdminOfAll, Admin,                 Admin),
        new("Connections",       WorkspaceColumn,  Everyone,   Admin,      Admin,                 Admin),
        new("ListeningQueries",  WorkspaceColumn,  Everyone,   Writers,    Writers,               Writers),
        new("Moments",           WorkspaceColumn,  Everyone,   Writers,    Writers,               Writers),
        new("Publications",      WorkspaceColumn,  Everyone,   Writers,    Writers | Approver,    Writers) { UpdateOnly = new Dictionary<Role, string[]> { [Role.Approver] = ["Status"] } },
        new("Interactions",      WorkspaceColumn,  Everyone,   None,       Writers),
        new("Contacts",          WorkspaceColumn,  Everyone,   None,       Writers),
        new("Accounts",          WorkspaceColumn,  Everyone),
        new("Posts",             WorkspaceColumn,  Everyone),
        new("Conversations",     WorkspaceColumn,  Everyone),
        new("AccountDailyStats", WorkspaceColumn,  Everyone),
        new("MetricValues",      WorkspaceColumn,  Everyone),
        new("Reports",           WorkspaceColumn,  Everyone),
        new("SyncRuns",          WorkspaceColumn,  Everyone),
        new("Metrics",           Global,           Everyone),
        new("Plugins",           Global,           Everyone),
        new("AuditEvents",       Global,           AdminOfAll),
        new("ApiKeys",           Global,           AdminOfAll, AdminOfAll, AdminOfAll,            AdminOfAll),
    ];

    /// <summary>Who may call each bound action (namespace-qualified name).</summary>
    private static readonly Dictionary<string, Grant> ActionTable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Engage.Reply"] = Writers,
        ["Engage.Revoke"] = AdminOfAll,
    };

    /// <summary>Who may call each endpoint of the small <c>/api</c> (each also answers 404 for a workspace the key does not reach).</summary>
    private static readonly Dictionary<string, Grant> ApiTable = new(StringComparer.Ordinal)
    {
        [ApiEndpoints.ConnectionSync] = Writers,
        [ApiEndpoints.MetricsCompute] = Writers,
        [ApiEndpoints.ReportRender] = Writers,
        [ApiEndpoints.ReportHtml] = Everyone,
        [ApiEndpoints.SubjectExport] = Admin,
        [ApiEndpoints.SubjectErase] = Admin,
        [ApiEndpoints.WorkspaceArchive] = Admin,
    };

    public static IReadOnlyDictionary<string, Grant> Api => ApiTable;

    public static IReadOnlyDictionary<string, SetRule> Rules { get; } = Table.ToDictionary(r => r.Set, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, Grant> Actions => ActionTable;

    /// <summary>Whether <paramref name="grant"/> covers the principal's role (and, if it asks, a key for all workspaces).</summary>
    public static bool Allows(Grant grant, ApiKeyStore.Principal principal) =>
        grant.HasFlag(Flag(principal.Role)) && (!grant.HasFlag(AllWorkspaces) || principal.Workspaces.All);

    /// <summary>The roles of a grant in words, for the 403 message: "the Admin or Editor role", "an Admin key for all workspaces".</summary>
    public static string Describe(Grant grant)
    {
        var roles = Enum.GetValues<Role>().Where(r => grant.HasFlag(Flag(r))).Select(r => r.ToString()).ToList();
        if (roles.Count == 0)
        {
            return "a role no key has";
        }

        return grant.HasFlag(AllWorkspaces)
            ? $"an {string.Join(" or ", roles)} key for all workspaces"
            : $"the {string.Join(" or ", roles)} role";
    }

    /// <summary>Refuses a model with an entity set or bound action the table does not cover, or a scope that does not match the set's columns.</summary>
    public static void Check(IEdmModel model)
    {
        foreach (var set in model.EntityContainer.EntitySets())
        {
            if (!Rules.TryGetValue(set.Name, out var rule))
            {
                throw new InvalidOperationException($"Entity set '{set.Name}' has no access rule: add it to {nameof(AccessMatrix)}.");
            }

            var expected = set.Name == "Workspaces" ? WorkspaceKey
                : set.EntityType().FindProperty(WorkspaceIdColumn) is not null ? SetScope.WorkspaceColumn
                : Global;
            if (rule.Scope != expected)
            {
                throw new InvalidOperationException($"Entity set '{set.Name}' must be scoped {expected} (its access rule says {rule.Scope}).");
            }
        }

        foreach (var action in model.SchemaElements.OfType<IEdmAction>().Where(a => a.IsBound))
        {
            if (!ActionTable.ContainsKey(action.FullName()))
            {
                throw new InvalidOperationException($"Action '{action.FullName()}' has no access rule: add it to {nameof(AccessMatrix)}.");
            }
        }
    }

    private static Grant Flag(Role role) => role switch
    {
        Role.Admin => Admin,
        Role.Editor => Editor,
        Role.Approver => Approver,
        _ => Analyst,
    };
}
