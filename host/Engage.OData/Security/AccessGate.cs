using Engage.OData.Errors;
using Engage.OData.Hosting;
using Engage.OData.Sql;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Security;

/// <summary>
/// One request's view of the host's two security hooks: <see cref="ODataServiceDefinition.Authorize"/> (may this
/// request do this to this set? a refusal answers 403 before any SQL runs) and <see cref="ODataServiceDefinition.RowScope"/>
/// (which rows of the set it may see). <see cref="ReadScope"/> asks both, so every set a query plan touches (the addressed
/// set, a navigation's parent, each <c>$expand</c> and lambda target, each path in <c>$apply</c>) is authorized for reading.
/// </summary>
internal sealed class AccessGate(ODataServiceDefinition definition, HttpContext context)
{
    /// <summary>Throws the 403 OData error when the host refuses <paramref name="access"/>.</summary>
    public void Demand(ODataAccess access)
    {
        if (definition.Authorize?.Invoke(context, access) is { } refusal)
        {
            throw new ODataRequestException(StatusCodes.Status403Forbidden, "Forbidden", refusal);
        }
    }

    /// <summary>The row scope of <paramref name="entitySet"/>, without an authorization check (writes check their own kind).</summary>
    public SqlCondition? Scope(string entitySet) => definition.RowScope?.Invoke(context, entitySet);

    /// <summary>Demands <see cref="ODataAccessKind.Read"/> on <paramref name="entitySet"/>, then returns its row scope.</summary>
    public SqlCondition? ReadScope(string entitySet)
    {
        Demand(ODataAccess.Read(entitySet));
        return Scope(entitySet);
    }
}
