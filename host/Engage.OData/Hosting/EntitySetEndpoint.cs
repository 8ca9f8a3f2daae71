using System.Data;
using System.Data.Common;
using System.Globalization;
using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Expand;
using Engage.OData.Json;
using Engage.OData.Paging;
using Engage.OData.Query;
using Engage.OData.Security;
using Engage.OData.Sql;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Hosting;

/// <summary>Serves <c>/Set</c>, <c>/Set(key)</c> and <c>/Set/$count</c>: parse, plan, run, stream.</summary>
internal sealed class EntitySetEndpoint(ServiceBinding service)
{
    private readonly ODataServiceDefinition _definition = service.Definition;

    public async Task HandleAsync(HttpContext context, string odataPath)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        var options = RawQueryOptions.Parse(request.QueryString.Value, _definition.MaxQueryStringLength, _definition.MaxQueryOptionLength);
        var urls = ServiceUrls.From(request, _definition.RoutePrefix);
        var parsed = ODataRequestParser.Parse(
            service,
            urls.ServiceRoot + "/",
            urls.ServiceRoot + new PathString("/" + odataPath).ToUriComponent() + request.QueryString.Value);
        var gate = new AccessGate(_definition, context);
        gate.Demand(ODataAccess.Read(parsed.EntitySet.Name));
        if (parsed.Apply is not null)
        {
            await new Apply.ApplyEndpoint(service).HandleAsync(context, parsed, options, urls);
            return;
        }

        var format = parsed.Kind == RequestKind.Count ? ODataJsonFormat.Default : JsonFormatNegotiator.Negotiate(request, options);
        var scope = gate.Scope(parsed.EntitySet.Name);
        var preferences = ClientPreferences.From(request);
        var shape = NextLinkBuilder.Shape(parsed.Navigation?.Path ?? parsed.EntitySet.Name, options);
        QueryPlan plan;
        try
        {
            plan = QueryPlanBuilder.Build(parsed, service, scope, preferences, shape, gate.ReadScope);
        }
        catch (Exception exception) when (exception is not ODataRequestException)
        {
            throw ODataErrorMapper.FromRequestProcessing(exception);
        }

        await using var connection = await OpenAsync(cancellationToken);
        if (plan.ParentCheck is { } parentCheck && !await ExistsAsync(connection, parentCheck, cancellationToken))
        {
            throw ODataRequestException.NotFound($"No entity in '{parsed.Navigation!.Parent.Name}' has that key.");
        }

        switch (parsed.Kind)
        {
            case RequestKind.Count:
                await WriteCountAsync(context, connection, plan.Count!);
                break;
            case RequestKind.Entity:
                await WriteEntityAsync(context, connection, parsed, plan, format, preferences, urls);
                break;
            default:
                await WriteFeedAsync(context, connection, parsed, plan, format, preferences, urls, options, shape);
                break;
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _definition.OpenConnection(cancellationToken);
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        return connection;
    }

    private static async Task WriteCountAsync(HttpContext context, DbConnection connection, SqlStatement statement)
    {
        var count = await SqlExecutor.CountAsync(connection, null, statement, context.RequestAborted);
        var response = context.Response;
        ODataHeaders.SetVersion(response);
        response.ContentType = ODataHeaders.TextContentType;
        await response.WriteAsync(count.ToString(CultureInfo.InvariantCulture), context.RequestAborted);
    }

    private async Task WriteEntityAsync(
        HttpContext context, DbConnection connection, ParsedRequest parsed, QueryPlan plan, ODataJsonFormat format,
        ClientPreferences preferences, ServiceUrls urls)
    {
        if (plan.Expands.Count > 0)
        {
            await WriteExpandedAsync(context, connection, parsed, plan, format, preferences, urls, null, null);
            return;
        }

        await using var command = SqlExecutor.CreateCommand(connection, null, plan.Page!);
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        if (!await reader.ReadAsync(context.RequestAborted))
        {
            await NotFoundOrNoContentAsync(context, parsed);
            return;
        }

        Writes.VersionColumn.SetETag(context.Response, reader, plan.VersionOrdinal);
        var rows = new EntityRowWriter(parsed.EntitySet, plan.Columns, plan.KeyOrdinal, format, preferences.OmitNulls, urls, _definition.Dialect, plan.Computed, plan.VersionOrdinal);
        var contextUrl = format.Level == MetadataLevel.None ? null : urls.Context(ContextFragment(parsed) + "/$entity");
        ODataJsonResponse.Start(context.Response, format, null, preferences.OmitNulls);
        await FeedWriter.WriteEntityAsync(context.Response.BodyWriter, contextUrl, rows, reader, context.RequestAborted);
    }

    private async Task WriteFeedAsync(
        HttpContext context, DbConnection connection, ParsedRequest parsed, QueryPlan plan, ODataJsonFormat format,
        ClientPreferences preferences, ServiceUrls urls, RawQueryOptions options, string shape)
    {
        if (plan.Expands.Count > 0)
        {
            await WriteExpandedAsync(context, connection, parsed, plan, format, preferences, urls, options, shape);
            return;
        }

        var cancellationToken = context.RequestAborted;
        await using var snapshot = plan.Count is null ? null : await _definition.Dialect.BeginSnapshotAsync(connection, cancellationToken);
        long? count = plan.Count is null ? null : await SqlExecutor.CountAsync(connection, snapshot, plan.Count, cancellationToken);
        await using var command = SqlExecutor.CreateCommand(connection, snapshot, plan.Page!);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var rows = new EntityRowWriter(parsed.EntitySet, plan.Columns, plan.KeyOrdinal, format, preferences.OmitNulls, urls, _definition.Dialect, plan.Computed, plan.VersionOrdinal);
        var header = new FeedHeader(
            format.Level == MetadataLevel.None ? null : urls.Context(ContextFragment(parsed)), count, format.Ieee754Compatible);
        var nextToken = new NextPageToken(plan, _definition.Dialect, shape);
        ODataJsonResponse.Start(context.Response, format, plan.AppliedMaxPageSize, preferences.OmitNulls);
        await FeedWriter.WriteFeedAsync(
            context.Response.BodyWriter,
            header,
            rows,
            reader,
            plan.RowsToWrite,
            plan.CanHaveMore,
            nextToken.Capture,
            () => NextLinkBuilder.Build(ResourceUrl(parsed, urls), options, plan.RemainingTop, nextToken.Encode()),
            cancellationToken);
    }

    private async Task WriteExpandedAsync(
        HttpContext context, DbConnection connection, ParsedRequest parsed, QueryPlan plan, ODataJsonFormat format,
        ClientPreferences preferences, ServiceUrls urls, RawQueryOptions? options, string? shape)
    {
        var cancellationToken = context.RequestAborted;
        await using var snapshot = await _definition.Dialect.BeginSnapshotAsync(connection, cancellationToken);
        long? count = plan.Count is null ? null : await SqlExecutor.CountAsync(connection, snapshot, plan.Count, cancellationToken);
        var (rows, hasMore, expansions) = await ExpandedResponseWriter.LoadAsync(
            connection, snapshot, plan, _definition.MaxExpandedRowsPerPage, cancellationToken);
        var entities = new ExpandedEntityWriter(
            new EntityRowWriter(parsed.EntitySet, plan.Columns, plan.KeyOrdinal, format, preferences.OmitNulls, urls, _definition.Dialect, plan.Computed, plan.VersionOrdinal),
            plan.ColumnCount,
            expansions,
            level => new EntityRowWriter(level.Navigation.Target, level.Written, level.KeyOrdinal, format, preferences.OmitNulls, urls, _definition.Dialect),
            format.Ieee754Compatible);
        var contextUrl = format.Level == MetadataLevel.None ? null : urls.Context(ContextFragment(parsed));
        if (parsed.Kind == RequestKind.Entity)
        {
            if (rows.Count == 0)
            {
                await NotFoundOrNoContentAsync(context, parsed);
                return;
            }

            Writes.VersionColumn.SetETag(context.Response, rows[0], plan.VersionOrdinal);
            ODataJsonResponse.Start(context.Response, format, null, preferences.OmitNulls);
            await ExpandedResponseWriter.WriteEntityAsync(
                context.Response.BodyWriter, contextUrl is null ? null : contextUrl + "/$entity", entities, rows[0], cancellationToken);
            return;
        }

        string? nextLink = null;
        if (hasMore)
        {
            var nextToken = new NextPageToken(plan, _definition.Dialect, shape!);
            nextToken.Capture(new RowBufferReader(plan.ColumnCount) { Current = rows[^1] });
            nextLink = NextLinkBuilder.Build(ResourceUrl(parsed, urls), options!, plan.RemainingTop, nextToken.Encode());
        }

        ODataJsonResponse.Start(context.Response, format, plan.AppliedMaxPageSize, preferences.OmitNulls);
        await ExpandedResponseWriter.WriteFeedAsync(
            context.Response.BodyWriter, new FeedHeader(contextUrl, count, format.Ieee754Compatible), entities, rows, nextLink, cancellationToken);
    }

    private static string ResourceUrl(ParsedRequest parsed, ServiceUrls urls) =>
        parsed.Navigation is { } navigation ? urls.ServiceRoot + "/" + navigation.Path : urls.EntitySet(parsed.EntitySet.Name);

    private static async Task<bool> ExistsAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = SqlExecutor.CreateCommand(connection, null, statement);
        return await command.ExecuteScalarAsync(cancellationToken) is not null and not DBNull;
    }

    /// <summary>A key that matches nothing is 404; a single-valued navigation that points at nothing is 204.</summary>
    private static Task NotFoundOrNoContentAsync(HttpContext context, ParsedRequest parsed)
    {
        if (parsed.Navigation is not null && parsed.KeyValue is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            ODataHeaders.SetVersion(context.Response);
            return Task.CompletedTask;
        }

        throw ODataRequestException.NotFound($"No entity in '{parsed.EntitySet.Name}' has that key.");
    }

    private static string ContextFragment(ParsedRequest parsed) =>
        parsed.Selection.ContextList is { } list ? $"{parsed.EntitySet.Name}({list})" : parsed.EntitySet.Name;
}
