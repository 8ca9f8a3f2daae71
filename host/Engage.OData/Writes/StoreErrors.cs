using System.Data.Common;
using Engage.OData.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Writes;

/// <summary>
/// Maps a store failure during a write to an OData error without its text (which may contain SQL): a
/// constraint the change breaks is 409, a busy store 503; anything else stays a server error.
/// </summary>
internal static class StoreErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    public static ODataRequestException? Map(DbException exception) => exception switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } => new ODataRequestException(
            StatusCodes.Status409Conflict, "Conflict",
            "The change conflicts with other data: a value that must be unique is taken, a referenced entity does not exist, or other entities refer to this one.",
            exception),
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => new ODataRequestException(
            StatusCodes.Status503ServiceUnavailable, "Busy", "The store is busy with another change; retry in a moment.", exception)
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
        },
        _ => null,
    };
}
