using Engage.Host.Metrics;
using Engage.Host.Reports;
using Engage.Host.Security.Access;
using Engage.Host.Store;
using Engage.Host.Sync;
using Engage.Sdk.Data;
using FluentValidation;

namespace Engage.Host.Api;

/// <summary>
/// The few HTTP actions outside OData: run a connection now, recompute metrics, render and read a report.
/// (Later work moves these to OData bound actions.) Each checks the caller's role (<see cref="AccessMatrix.Api"/>)
/// and answers 404 for a workspace, connection or report the key does not reach, as for one that does not exist.
/// </summary>
internal static class EngageApi
{
    private static readonly RenderReportRequestValidator ReportValidator = new();

    public static void MapEngageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/connections/{id:long}/sync", async (long id, HttpContext context, EngageDatabase database, SyncScheduler scheduler, CancellationToken ct) =>
        {
            if (ApiAccess.Refuse(context, ApiEndpoints.ConnectionSync) is { } refused)
            {
                return refused;
            }

            var missing = ApiAccess.NotFound($"There is no connection {id}.");
            if (await ApiAccess.VisibleWorkspaceAsync(context, database, "Connections", id, ct) is null)
            {
                return missing;
            }

            return await scheduler.RunNowAsync(id, ct) is { } result
                ? Results.Ok(new
                {
                    runId = result.RunId, status = result.Outcome.RunStatus, itemsFetched = result.ItemsFetched, itemsNew = result.ItemsNew,
                    error = result.Outcome.Error, connectionStatus = result.Outcome.ConnectionStatus, nextSyncAt = result.Outcome.NextSyncAt,
                })
                : missing;
        });

        api.MapPost("/workspaces/{id:long}/metrics/compute", async (
            long id, DateOnly? from, HttpContext context, EngageDatabase database, MetricRunner metrics, TimeProvider time, CancellationToken ct) =>
        {
            if (ApiAccess.Refuse(context, ApiEndpoints.MetricsCompute) is { } refused)
            {
                return refused;
            }

            if (await ApiAccess.VisibleWorkspaceAsync(context, database, "Workspaces", id, ct) is null)
            {
                return ApiAccess.NotFound($"There is no workspace {id}.");
            }

            var start = from ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-90);
            return Results.Ok(new { values = await metrics.ComputeAsync(id, start, ct) });
        });

        api.MapPost("/reports", async (RenderReportRequest request, HttpContext context, EngageDatabase database, ReportRenderer renderer, CancellationToken ct) =>
        {
            if (ApiAccess.Refuse(context, ApiEndpoints.ReportRender) is { } refused)
            {
                return refused;
            }

            await ReportValidator.ValidateAndThrowAsync(request, ct);
            if (await ApiAccess.VisibleWorkspaceAsync(context, database, "Workspaces", request.WorkspaceId, ct) is null)
            {
                return ApiAccess.NotFound($"There is no workspace {request.WorkspaceId}.");
            }

            var id = await renderer.RenderAsync(request.WorkspaceId, request.Template, request.Theme ?? "default",
                new DateRange(request.PeriodStart, request.PeriodEnd), request.Parameters ?? [], ct);
            return Results.Created($"/api/reports/{id}/html", new { id, html = $"/api/reports/{id}/html" });
        });

        api.MapGet("/reports/{id:long}/html", async (long id, HttpContext context, EngageDatabase database, CancellationToken ct) =>
        {
            if (ApiAccess.Refuse(context, ApiEndpoints.ReportHtml) is { } refused)
            {
                return refused;
            }

            var missing = ApiAccess.NotFound($"There is no report {id}.");
            if (await ApiAccess.VisibleWorkspaceAsync(context, database, "Reports", id, ct) is null)
            {
                return missing;
            }

            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.Command("SELECT Html FROM Reports WHERE Id = @id").With("@id", id);
            return await command.ExecuteScalarAsync(ct) is string html ? Results.Content(html, "text/html; charset=utf-8") : missing;
        });
    }
}
