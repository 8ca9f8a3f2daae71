using System.Data;
using System.Data.Common;
using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Hosting;
using Engage.OData.Security;
using Engage.OData.Sql;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Writes;

/// <summary>
/// Serves <c>POST /Set</c>, <c>PATCH /Set(key)</c> and <c>DELETE /Set(key)</c>: read and check the body,
/// then in one transaction find the row within the row scope, check <c>If-Match</c>, run the host's hooks,
/// write, read the row back within the scope, run the host's after-change hook, commit and answer.
/// </summary>
internal sealed class WriteEndpoint(ServiceBinding service)
{
    private readonly ODataServiceDefinition _definition = service.Definition;

    public Task HandleAsync(HttpContext context, WriteTarget target)
    {
        var method = context.Request.Method;
        var writes = target.Set?.Writes;
        return (method, target.Kind) switch
        {
            ("POST", WriteTargetKind.Collection) when writes?.CanInsert == true => InsertAsync(context, target.Set!),
            ("PATCH", WriteTargetKind.Entity) when writes?.CanUpdate == true => UpdateAsync(context, target.Set!, target.Key!),
            ("DELETE", WriteTargetKind.Entity) when writes?.CanDelete == true => DeleteAsync(context, target.Set!, target.Key!),
            _ => throw AllowedMethods.Refuse(method, target),
        };
    }

    private async Task InsertAsync(HttpContext context, EntitySetBinding set)
    {
        var cancellationToken = context.RequestAborted;
        var gate = new AccessGate(_definition, context);
        gate.Demand(new ODataAccess(set.Name, ODataAccessKind.Insert));
        var preference = WritePreferences.Return(context.Request);
        var format = preference == "minimal" && !set.Writes!.Policy.InsertAnswersWithEntity ? null : EntityResponse.Negotiate(context, service);
        using var body = await JsonBody.ReadAsync(context.Request, _definition.MaxRequestBodyBytes, allowEmpty: false, cancellationToken);
        var problems = new WriteProblems();
        var changes = EntityBodyReader.Read(body!.RootElement, set, WriteOperation.Insert, null, problems);
        problems.ThrowIfAny();
        gate.Demand(new ODataAccess(set.Name, ODataAccessKind.Insert, Properties: [.. changes.Keys]));
        var scope = gate.Scope(set.Name);

        await using var connection = await OpenAsync(_definition, cancellationToken);
        object[] row;
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var write = new WriteContext(WriteOperation.Insert, set, null, new Dictionary<string, object?>(), changes, connection, transaction, context, problems);
            await RunHooksAsync(write, set.Writes!.Policy, cancellationToken);
            var statement = WriteStatements.Insert(set, StorageValues(set, write));
            object key;
            await using (var command = SqlExecutor.CreateCommand(connection, transaction, statement))
            {
                key = await command.ExecuteScalarAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"The insert into '{set.Name}' returned no key.");
            }

            var stored = await EntityRows.ReadAsync(connection, transaction, set, key, scope, cancellationToken) ?? throw OutsideScope();
            await ChangeHooks.RunAsync(_definition, ChangeHooks.Written(write, stored.Entity, connection, transaction), cancellationToken);
            row = ChangeHooks.WithResponseValues(set, _definition.Dialect, write, stored.Raw);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception) when (StoreErrors.Map(exception) is { } mapped)
        {
            throw mapped;
        }

        var location = EntityResponse.EntityUrl(context.Request, service, set, row);
        context.Response.Headers.Location = location;
        if (format is null)
        {
            context.Response.Headers["OData-EntityId"] = location;
            context.Response.Headers[ODataHeaders.PreferenceApplied] = "return=minimal";
            NoContent(context.Response, set, row);
            return;
        }

        ApplyRepresentationPreference(context);
        await EntityResponse.WriteAsync(context, service, set, row, format, StatusCodes.Status201Created);
    }

    private async Task UpdateAsync(HttpContext context, EntitySetBinding set, object keyLiteral)
    {
        var cancellationToken = context.RequestAborted;
        var gate = new AccessGate(_definition, context);
        gate.Demand(new ODataAccess(set.Name, ODataAccessKind.Update));
        var format = WritePreferences.Return(context.Request) == "representation" ? EntityResponse.Negotiate(context, service) : null;
        using var body = await JsonBody.ReadAsync(context.Request, _definition.MaxRequestBodyBytes, allowEmpty: false, cancellationToken);
        var problems = new WriteProblems();
        var changes = EntityBodyReader.Read(body!.RootElement, set, WriteOperation.Update, keyLiteral, problems);
        problems.ThrowIfAny();
        gate.Demand(new ODataAccess(set.Name, ODataAccessKind.Update, Properties: [.. changes.Keys]));
        var (key, storedKey) = Keys(set, keyLiteral);
        var scope = gate.Scope(set.Name);

        await using var connection = await OpenAsync(_definition, cancellationToken);
        object[] row;
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var current = await EntityRows.ReadAsync(connection, transaction, set, storedKey, scope, cancellationToken) ?? throw NotFound(set);
            ETags.Check(context.Request, current.Entity.Version, set.Writes!.Policy.RequireIfMatch);
            var write = new WriteContext(WriteOperation.Update, set, key, current.Entity.Values, changes, connection, transaction, context, problems);
            await RunHooksAsync(write, set.Writes.Policy, cancellationToken);
            var values = StorageValues(set, write);
            if (values.Count > 0)
            {
                var statement = WriteStatements.Update(set, _definition.Dialect, storedKey, scope, values, current.Entity.Version);
                await using var command = SqlExecutor.CreateCommand(connection, transaction, statement);
                if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    throw new InvalidOperationException($"The update of one row of '{set.Name}' inside its transaction did not change exactly one row.");
                }
            }

            var stored = await EntityRows.ReadAsync(connection, transaction, set, storedKey, scope, cancellationToken) ?? throw OutsideScope();
            await ChangeHooks.RunAsync(_definition, ChangeHooks.Written(write, stored.Entity, connection, transaction), cancellationToken);
            row = ChangeHooks.WithResponseValues(set, _definition.Dialect, write, stored.Raw);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception) when (StoreErrors.Map(exception) is { } mapped)
        {
            throw mapped;
        }

        if (format is not null)
        {
            ApplyRepresentationPreference(context);
            await EntityResponse.WriteAsync(context, service, set, row, format, StatusCodes.Status200OK);
            return;
        }

        NoContent(context.Response, set, row);
    }

    private async Task DeleteAsync(HttpContext context, EntitySetBinding set, object keyLiteral)
    {
        var cancellationToken = context.RequestAborted;
        var gate = new AccessGate(_definition, context);
        gate.Demand(new ODataAccess(set.Name, ODataAccessKind.Delete));
        var (key, storedKey) = Keys(set, keyLiteral);
        var scope = gate.Scope(set.Name);
        var problems = new WriteProblems();

        await using var connection = await OpenAsync(_definition, cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var current = await EntityRows.ReadAsync(connection, transaction, set, storedKey, scope, cancellationToken) ?? throw NotFound(set);
            ETags.Check(context.Request, current.Entity.Version, set.Writes!.Policy.RequireIfMatch);
            var write = new WriteContext(WriteOperation.Delete, set, key, current.Entity.Values, [], connection, transaction, context, problems);
            if (set.Writes.Policy.Validate is { } validate)
            {
                await validate(write, cancellationToken);
            }

            problems.ThrowIfAny();
            await using (var command = SqlExecutor.CreateCommand(connection, transaction, WriteStatements.Delete(set, storedKey, scope)))
            {
                if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    throw NotFound(set);
                }
            }

            var deleted = new ChangeContext(WriteOperation.Delete, set.Name, key, connection, transaction, context) { Previous = current.Entity.Values };
            await ChangeHooks.RunAsync(_definition, deleted, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception) when (StoreErrors.Map(exception) is { } mapped)
        {
            throw mapped;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        ODataHeaders.SetVersion(context.Response);
    }

    /// <summary>Scope (insert only), validation, then server values; problems stop the write before any statement.</summary>
    private static async Task RunHooksAsync(WriteContext write, WritePolicy policy, CancellationToken cancellationToken)
    {
        if (write.Operation == WriteOperation.Insert && policy.ScopeInsert is { } scope)
        {
            await scope(write, cancellationToken);
        }

        if (policy.Validate is { } validate)
        {
            await validate(write, cancellationToken);
        }

        write.ThrowIfProblems();
        if (policy.ServerValues is { } serverValues)
        {
            await serverValues(write, cancellationToken);
        }

        write.ThrowIfProblems();
    }

    private List<(string QuotedColumn, object? Value)> StorageValues(EntitySetBinding set, WriteContext write)
    {
        var dialect = _definition.Dialect;
        var values = new List<(string, object?)>();
        foreach (var property in set.Properties)
        {
            if (write.Changes.TryGetValue(property.Name, out var value))
            {
                values.Add((property.QuotedColumn, value is null ? null : dialect.ToStorageValue(LiteralConverter.Convert(value, property.Kind), property.Kind)));
            }
        }

        foreach (var (column, value) in write.Columns)
        {
            values.Add((dialect.QuoteIdentifier(column), value));
        }

        return values;
    }

    private (object Key, object StoredKey) Keys(EntitySetBinding set, object keyLiteral)
    {
        var key = LiteralConverter.Convert(keyLiteral, set.Key.Kind);
        return (key, _definition.Dialect.ToStorageValue(key, set.Key.Kind));
    }

    private static void NoContent(HttpResponse response, EntitySetBinding set, object[] row)
    {
        response.StatusCode = StatusCodes.Status204NoContent;
        ODataHeaders.SetVersion(response);
        EntityResponse.SetETag(response, set, row);
    }

    private static void ApplyRepresentationPreference(HttpContext context)
    {
        if (WritePreferences.Return(context.Request) == "representation")
        {
            context.Response.Headers[ODataHeaders.PreferenceApplied] = "return=representation";
        }
    }

    internal static async Task<DbConnection> OpenAsync(ODataServiceDefinition definition, CancellationToken cancellationToken)
    {
        var connection = await definition.OpenConnection(cancellationToken);
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        return connection;
    }

    internal static ODataRequestException NotFound(EntitySetBinding set) => ODataRequestException.NotFound($"No entity in '{set.Name}' has that key.");

    internal static ODataRequestException OutsideScope() => new(
        StatusCodes.Status403Forbidden, "Forbidden", "The change would put the entity outside the data this request may see; nothing was changed.");
}
