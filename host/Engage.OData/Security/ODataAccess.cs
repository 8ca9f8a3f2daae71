namespace Engage.OData.Security;

/// <summary>
/// One access the engine asks the host's <c>Authorize</c> hook about before it runs any SQL for it: the entity set,
/// the kind, the action's namespace-qualified name (actions only) and, once the body of an insert or update has been
/// read, the properties it sets (null when the hook is asked before the body is read).
/// </summary>
internal sealed record ODataAccess(string EntitySet, ODataAccessKind Kind, string? Action = null, IReadOnlyCollection<string>? Properties = null)
{
    /// <summary>Reading <paramref name="entitySet"/>.</summary>
    public static ODataAccess Read(string entitySet) => new(entitySet, ODataAccessKind.Read);
}
