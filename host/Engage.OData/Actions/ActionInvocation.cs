using System.Data.Common;
using Engage.OData.Writes;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Actions;

/// <summary>
/// One call of a bound action as its handler sees it, inside the call's transaction. The bound entity has
/// been found within the caller's row scope and its ETag checked against <c>If-Match</c>.
/// </summary>
internal sealed class ActionInvocation(
    object key,
    IReadOnlyDictionary<string, object?> entity,
    IReadOnlyDictionary<string, object?> parameters,
    DbConnection connection,
    DbTransaction transaction,
    HttpContext httpContext,
    WriteProblems problems)
{
    /// <summary>The bound entity's key (canonical: <see cref="long"/> for integer keys).</summary>
    public object Key { get; } = key;

    /// <summary>The bound entity's property values (canonical, see <c>WriteContext</c>).</summary>
    public IReadOnlyDictionary<string, object?> Entity { get; } = entity;

    /// <summary>The parameters by name (canonical values); an absent nullable parameter is null.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters;

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public HttpContext HttpContext { get; } = httpContext;

    /// <summary>Reports an invalid parameter; the call answers 400 with <paramref name="parameter"/> as the target and changes nothing.</summary>
    public void AddError(string parameter, string message) => problems.AddError(parameter, message);

    /// <summary>Refuses the call because of the state of the data (409); nothing is changed.</summary>
    public void Conflict(string message) => problems.Conflict(message);
}
