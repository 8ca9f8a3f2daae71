using System.Data.Common;
using Engage.OData.Actions;
using Engage.OData.Hosting;
using Engage.OData.Security;
using Engage.OData.Sql;
using Engage.OData.Tests.Support;
using Engage.OData.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.OData.Edm;

namespace Engage.OData.Tests.Writes;

/// <summary>
/// The write side of the test service: Orders are insertable, updatable (not CustomerId, Product, OrderDate)
/// and deletable unless paid, versioned by RowVersion and scoped by the workspace header; Customers stay read-only.
/// The after-change hook and whether a POST always answers with the entity are the caller's.
/// </summary>
internal static class WriteTestService
{
    public const string ForbiddenNote = "forbidden";

    /// <summary>A note that makes the server-values hook show "shown once" as the Note of this response only.</summary>
    public const string ShowOnceNote = "show-once";

    /// <summary>A note the validation hook refuses with 403 (<c>WriteContext.Forbid</c>), as a role rule on a value would.</summary>
    public const string RoleRefusedNote = "not-your-role";

    public static ODataServiceDefinition Definition(
        TestDatabase database, long maxBodyBytes = 64 * 1024, ChangeHook? afterChange = null, bool insertAnswersWithEntity = false,
        Func<HttpContext, ODataAccess, string?>? authorize = null, Action? onOpen = null) => new()
    {
        Model = WriteTestModel.Create(),
        EntitySets =
        [
            new EntitySetMapping("Orders", "Orders")
            {
                Columns = new Dictionary<string, string> { ["Product"] = "product_name" },
                Writes = new WritePolicy
                {
                    Insertable = ["CustomerId", "Product", "Note", "Amount", "Quantity", "Price", "Paid", "OrderDate", "ShippedAt"],
                    Updatable = ["Note", "Amount", "Quantity", "Price", "Paid", "ShippedAt"],
                    OptionalOnInsert = ["Paid"],
                    Deletable = true,
                    VersionColumn = "RowVersion",
                    ScopeInsert = SetWorkspaceAsync,
                    Validate = ValidateAsync,
                    ServerValues = DefaultPaidAsync,
                    InsertAnswersWithEntity = insertAnswersWithEntity,
                },
            },
            new EntitySetMapping("Customers", "Customers") { KeyProperty = "Id" },
        ],
        Actions =
        [
            new BoundActionDefinition(TestModel.Namespace + ".Ship", "Orders", [new ActionParameter("Carrier", EdmPrimitiveTypeKind.String)], ShipAsync),
            new BoundActionDefinition(TestModel.Namespace + ".Forget", "Orders", [], (_, _) => ValueTask.FromResult<EntityReference?>(null)),
        ],
        OpenConnection = _ =>
        {
            onOpen?.Invoke();
            return ValueTask.FromResult<DbConnection>(new SqliteConnection(database.ConnectionString));
        },
        PageSize = 100,
        RowScope = WorkspaceScope,
        Authorize = authorize,
        MaxRequestBodyBytes = maxBodyBytes,
        AfterChange = afterChange,
    };

    public static SqlCondition? WorkspaceScope(HttpContext context, string entitySet) =>
        entitySet == "Orders" && Workspace(context) is { } workspace
            ? new SqlCondition("\"workspace_id\" = @ws", new Dictionary<string, object?> { ["@ws"] = workspace })
            : null;

    private static long? Workspace(HttpContext context) =>
        long.TryParse(context.Request.Headers[ODataTestServer.WorkspaceHeader], out var workspace) ? workspace : null;

    /// <summary>A note that makes the hooks put the row into workspace 99, outside every caller's scope.</summary>
    public const string ElsewhereNote = "elsewhere";

    private static ValueTask SetWorkspaceAsync(WriteContext write, CancellationToken cancellationToken)
    {
        write.SetColumn("workspace_id", write.Get("Note") is ElsewhereNote ? 99L : Workspace(write.HttpContext) ?? 1L);
        return ValueTask.CompletedTask;
    }

    private static ValueTask DefaultPaidAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Operation == WriteOperation.Insert && !write.Has("Paid"))
        {
            write.SetServerValue("Paid", false);
        }

        if (write.Get("Note") is ShowOnceNote)
        {
            write.SetResponseValue("Note", "shown once");
        }

        if (write.Operation == WriteOperation.Update && write.Get("Note") is ElsewhereNote)
        {
            write.SetColumn("workspace_id", 99L);
        }

        return ValueTask.CompletedTask;
    }

    private static async ValueTask ValidateAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Operation == WriteOperation.Delete)
        {
            if (write.Current["Paid"] is true)
            {
                write.Conflict("A paid order is kept for the books.");
            }

            return;
        }

        if (write.Has("Quantity") && write.Get("Quantity") is long quantity && quantity < 0)
        {
            write.AddError("Quantity", "'Quantity' must not be negative.");
        }

        if (write.Has("Product") && write.Get("Product") is string { Length: > 50 })
        {
            write.AddError("Product", "'Product' is at most 50 characters.");
        }

        if (write.Has("Note") && write.Get("Note") is ForbiddenNote)
        {
            write.AddError("Note", "That note is not allowed.");
        }

        if (write.Has("Note") && write.Get("Note") is RoleRefusedNote)
        {
            write.Forbid("Only a supervisor may write that note.");
        }

        if (write.Has("CustomerId"))
        {
            await using var command = write.Connection.CreateCommand();
            command.Transaction = write.Transaction;
            command.CommandText = "SELECT COUNT(*) FROM \"Customers\" WHERE \"Id\" = @id";
            command.Parameters.Add(new SqliteParameter("@id", write.Get("CustomerId")));
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                write.AddError("CustomerId", $"There is no customer {write.Get("CustomerId")}.");
            }
        }
    }

    private static async ValueTask<EntityReference?> ShipAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Parameters["Carrier"] is not string { Length: > 0 and <= 20 } carrier)
        {
            invocation.AddError("Carrier", "'Carrier' must have 1 to 20 characters.");
            return null;
        }

        await using var command = invocation.Connection.CreateCommand();
        command.Transaction = invocation.Transaction;
        command.CommandText = "UPDATE \"Orders\" SET \"Note\" = @note, \"RowVersion\" = \"RowVersion\" + 1 WHERE \"Id\" = @id";
        command.Parameters.Add(new SqliteParameter("@note", "Shipped by " + carrier));
        command.Parameters.Add(new SqliteParameter("@id", invocation.Key));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new EntityReference("Orders", invocation.Key);
    }
}
