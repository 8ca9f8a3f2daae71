using System.Data.Common;
using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Hosting;
using Engage.OData.Security;
using Engage.OData.Sql;
using Engage.OData.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.OData.Edm;

namespace Engage.OData.Actions;

/// <summary>
/// Serves <c>POST /Set(key)/Namespace.Action</c>: parameters from the JSON body, then in one transaction the
/// bound entity within the row scope (404 otherwise), <c>If-Match</c> against its ETag, the handler, and the
/// returned entity read back within its set's scope, the host's after-change hook; 200 with that entity or 204.
/// </summary>
internal sealed class ActionEndpoint(ServiceBinding service)
{
    private readonly ODataServiceDefinition _definition = service.Definition;

    public async Task HandleAsync(HttpContext context, WriteTarget target)
    {
        if (context.Request.Method != "POST")
        {
            throw AllowedMethods.Refuse(context.Request.Method, target);
        }

        var cancellationToken = context.RequestAborted;
        var binding = target.Action!;
        var action = binding.Definition;
        var set = binding.BindingSet;
        var gate = new AccessGate(_definition, context);
        gate.Demand(new ODataAccess(set.Name, ODataAccessKind.Action, action.Name));
        var format = EntityResponse.Negotiate(context, service);
        var allowEmpty = action.Parameters.All(p => p.Nullable);
        using var body = await JsonBody.ReadAsync(context.Request, _definition.MaxRequestBodyBytes, allowEmpty, cancellationToken);
        var problems = new WriteProblems();
        var parameters = ActionParameterReader.Read(body?.RootElement, action, problems);
        problems.ThrowIfAny();
        var key = LiteralConverter.Convert(target.Key!, set.Key.Kind);
        var storedKey = _definition.Dialect.ToStorageValue(key, set.Key.Kind);

        await using var connection = await WriteEndpoint.OpenAsync(_definition, cancellationToken);
        (EntitySetBinding Set, object[] Row)? result = null;
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var scope = gate.Scope(set.Name);
            var current = await EntityRows.ReadAsync(connection, transaction, set, storedKey, scope, cancellationToken)
                ?? throw WriteEndpoint.NotFound(set);
            ETags.Check(context.Request, current.Entity.Version, set.Writes?.Policy.RequireIfMatch == true);
            var invocation = new ActionInvocation(key, current.Entity.Values, parameters, connection, transaction, context, problems);
            var reference = await action.Handler(invocation, cancellationToken);
            problems.ThrowIfAny();
            if (reference is not null)
            {
                result = await ReadResultAsync(context, connection, transaction, binding, reference, cancellationToken);
            }

            var change = new ChangeContext(WriteOperation.Action, set.Name, key, connection, transaction, context)
            {
                Action = action.Name,
                Previous = current.Entity.Values,
                Parameters = parameters,
                Result = reference,
            };
            await ChangeHooks.RunAsync(_definition, change, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception) when (StoreErrors.Map(exception) is { } mapped)
        {
            throw mapped;
        }

        if (result is not { } written)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            ODataHeaders.SetVersion(context.Response);
            return;
        }

        await EntityResponse.WriteAsync(context, service, written.Set, written.Row, format, StatusCodes.Status200OK);
    }

    private async Task<(EntitySetBinding, object[])> ReadResultAsync(
        HttpContext context, DbConnection connection, DbTransaction transaction, ActionBinding binding, EntityReference reference,
        CancellationToken cancellationToken)
    {
        var resultSet = service.EntitySets.FirstOrDefault(s => s.Name == reference.EntitySet)
            ?? throw new InvalidOperationException($"Action '{binding.Definition.Name}' returned an entity of '{reference.EntitySet}', which is not served.");
        if (binding.Action.ReturnType?.Definition is not IEdmEntityType returnType || !resultSet.EntitySet.EntityType().IsOrInheritsFrom(returnType))
        {
            throw new InvalidOperationException($"Action '{binding.Definition.Name}' returned an entity of '{reference.EntitySet}', which its model declaration does not return.");
        }

        var storedKey = _definition.Dialect.ToStorageValue(LiteralConverter.Convert(reference.Key, resultSet.Key.Kind), resultSet.Key.Kind);
        var scope = _definition.RowScope?.Invoke(context, resultSet.Name);
        var row = await EntityRows.ReadAsync(connection, transaction, resultSet, storedKey, scope, cancellationToken) ?? throw WriteEndpoint.OutsideScope();
        return (resultSet, row.Raw);
    }
}
