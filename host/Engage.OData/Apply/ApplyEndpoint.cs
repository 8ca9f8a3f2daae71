using System.Data;
using System.Data.Common;
using System.Globalization;
using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Hosting;
using Engage.OData.Json;
using Engage.OData.Paging;
using Engage.OData.Query;
using Engage.OData.Security;
using Engage.OData.Sql;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Apply;

/// <summary>
/// Serves <c>Set?$apply=…</c> and <c>Set/$count?$apply=…</c>: plan, count and page in one read snapshot, stream the rows.
/// The skip token is bound to the query shape including <c>$apply</c>.
/// </summary>
internal sealed class ApplyEndpoint(ServiceBinding service)
{
    private readonly ODataServiceDefinition _definition = service.Definition;

    public async Task HandleAsync(HttpContext context, ParsedRequest parsed, RawQueryOptions options, ServiceUrls urls)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        var format = parsed.Kind == RequestKind.Count ? ODataJsonFormat.Default : JsonFormatNegotiator.Negotiate(request, options);
        var shape = NextLinkBuilder.Shape(parsed.EntitySet.Name, options) + "\n$apply\n" + options.Find("apply");
        var preferences = ClientPreferences.From(request);
        ApplyPlan plan;
        try
        {
            plan = ApplyPlanBuilder.Build(parsed, service, new AccessGate(_definition, context).ReadScope, preferences, shape);
        }
        catch (Exception exception) when (exception is not ODataRequestException)
        {
            throw ODataErrorMapper.FromRequestProcessing(exception);
        }

        await using var connection = await _definition.OpenConnection(cancellationToken);
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var response = context.Response;
        if (parsed.Kind == RequestKind.Count)
        {
            var total = await SqlExecutor.CountAsync(connection, null, plan.Count, cancellationToken);
            ODataHeaders.SetVersion(response);
            response.ContentType = ODataHeaders.TextContentType;
            await response.WriteAsync(total.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return;
        }

        await using var snapshot = plan.WithCount ? await _definition.Dialect.BeginSnapshotAsync(connection, cancellationToken) : null;
        long? count = plan.WithCount ? await SqlExecutor.CountAsync(connection, snapshot, plan.Count, cancellationToken) : null;
        await using var command = SqlExecutor.CreateCommand(connection, snapshot, plan.Page!);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        ODataJsonResponse.Start(response, format, plan.AppliedMaxPageSize, preferences.OmitNulls);
        var header = new FeedHeader(format.Level == MetadataLevel.None ? null : urls.Context(plan.ContextFragment), count, format.Ieee754Compatible);
        await ApplyFeedWriter.WriteAsync(
            response.BodyWriter,
            header,
            new ApplyRowWriter(plan.Output, _definition.Dialect, format.Ieee754Compatible, preferences.OmitNulls),
            reader,
            plan,
            () => NextLinkBuilder.Build(urls.EntitySet(parsed.EntitySet.Name), options, plan.RemainingTop, SkipToken.Encode(plan.NextOffset, shape)),
            cancellationToken);
    }
}
