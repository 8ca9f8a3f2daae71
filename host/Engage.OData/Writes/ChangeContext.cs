using System.Data.Common;
using Engage.OData.Actions;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Writes;

/// <summary>
/// One change that has just been made, as the <see cref="ChangeHook"/> sees it, inside its transaction. Values are
/// canonical (see <see cref="WriteContext"/>) and come from the store: <see cref="Values"/> is the row as read back
/// after the statement, so a value the host replaced on its way in (a secret shown as "(set)") is seen as stored,
/// and a value shown only in the response (<see cref="WriteContext.SetResponseValue"/>) is not seen at all.
/// </summary>
internal sealed class ChangeContext
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    internal ChangeContext(WriteOperation operation, string entitySet, object key, DbConnection connection, DbTransaction transaction, HttpContext httpContext)
    {
        Operation = operation;
        EntitySet = entitySet;
        Key = key;
        Connection = connection;
        Transaction = transaction;
        HttpContext = httpContext;
    }

    /// <summary>Insert, Update, Delete, or Action for a bound action.</summary>
    public WriteOperation Operation { get; }

    /// <summary>The entity set written to (for an action: the set of the bound entity).</summary>
    public string EntitySet { get; }

    /// <summary>The key of the row: the new key on insert, the bound entity's key for an action.</summary>
    public object Key { get; }

    /// <summary>The action's namespace-qualified name (<c>Engage.Reply</c>); null for inserts, updates and deletes.</summary>
    public string? Action { get; init; }

    /// <summary>The row before the change (update, delete; the bound entity for an action); empty on insert.</summary>
    public IReadOnlyDictionary<string, object?> Previous { get; init; } = None;

    /// <summary>The row after the change, as stored (insert, update); empty on delete and for actions.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; init; } = None;

    /// <summary>The properties the request and the host's hooks set (insert, update); whether their value really changed is for the hook to compare.</summary>
    public IReadOnlyCollection<string> Changed { get; init; } = [];

    /// <summary>An action's parameters by name (canonical values); empty otherwise.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = None;

    /// <summary>The entity an action returned, if any.</summary>
    public EntityReference? Result { get; init; }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public HttpContext HttpContext { get; }
}
