using System.Data.Common;
using Engage.OData.Actions;
using Engage.OData.Security;
using Engage.OData.Sql;
using Engage.OData.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.OData.Edm;

namespace Engage.OData.Hosting;

/// <summary>
/// Everything the host tells the engine: the EDM model, which table backs each entity set, how to open
/// a connection, paging limits and the per-request row scope. Passed once to <c>MapOData</c>.
/// </summary>
internal sealed class ODataServiceDefinition
{
    /// <summary>The model served at <c>$metadata</c>; every entity set in it needs a mapping.</summary>
    public required IEdmModel Model { get; init; }

    /// <summary>The table behind each entity set.</summary>
    public required IReadOnlyList<EntitySetMapping> EntitySets { get; init; }

    /// <summary>Opens a connection (the engine opens it if it comes back closed, and disposes it).</summary>
    public required Func<CancellationToken, ValueTask<DbConnection>> OpenConnection { get; init; }

    /// <summary>The SQL dialect of the connection; SQLite by default.</summary>
    public ISqlDialect Dialect { get; init; } = SqliteDialect.Instance;

    /// <summary>Rows per page when the client asks for no smaller page (<c>Prefer: odata.maxpagesize</c>).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>The largest <c>$top</c> accepted; null for no limit (paging still applies).</summary>
    public long? MaxTop { get; init; }

    /// <summary>The route prefix, without slashes: the service root is <c>/{RoutePrefix}/</c>.</summary>
    public string RoutePrefix { get; init; } = "odata";

    /// <summary>
    /// Per request and entity set: a condition ANDed into every statement for that set (page and count),
    /// or null for no restriction.
    /// </summary>
    public Func<HttpContext, string, SqlCondition?>? RowScope { get; init; }

    /// <summary>
    /// Per request: whether it may do an <see cref="ODataAccess"/> (read a set, insert, update, delete, call an action).
    /// Null allows it; a message refuses it with 403 and that message (say which role is needed). Asked before any SQL
    /// runs: for every set a read touches (the addressed set, a navigation's parent, every <c>$expand</c>, lambda and
    /// <c>$apply</c> path target), for a write twice (before its body is read, without properties; then with the
    /// properties the body sets), and for an action before its parameters are read.
    /// </summary>
    public Func<HttpContext, ODataAccess, string?>? Authorize { get; init; }

    /// <summary>The longest value (decoded, in characters) of one query option such as <c>$filter</c>.</summary>
    public int MaxQueryOptionLength { get; init; } = 8 * 1024;

    /// <summary>The longest whole query string (raw, in characters).</summary>
    public int MaxQueryStringLength { get; init; } = 32 * 1024;

    /// <summary>The clock behind <c>now()</c>; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The most rows buffered for one page with <c>$expand</c> (the expanded rows of all navigations and
    /// levels); past it the request answers 400 before anything is written.
    /// </summary>
    public long MaxExpandedRowsPerPage { get; init; } = 100_000;

    /// <summary>The deepest expression tree accepted in <c>$filter</c>/<c>$orderby</c> (SQLite refuses past 1000).</summary>
    public int MaxExpressionDepth { get; init; } = 500;

    /// <summary>The bound actions served (<c>POST /Set(key)/Namespace.Action</c>); each must also be in <see cref="Model"/>.</summary>
    public IReadOnlyList<BoundActionDefinition> Actions { get; init; } = [];

    /// <summary>
    /// Run after every successful insert, update, delete and bound action, inside its transaction before the commit
    /// (for example to append an audit row); if it throws, the change rolls back. Null: nothing runs.
    /// </summary>
    public ChangeHook? AfterChange { get; init; }

    /// <summary>The largest request body (bytes) a write or action accepts; larger ones answer 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;
}
