using Engage.Host.Metrics;
using Engage.Host.Reports;
using Engage.Host.Store;
using Engage.Host.Sync;
using Engage.Sdk.Data;
using FluentValidation;

namespace Engage.Host.Api;

/// <summary>
/// The few HTTP actions outside OData: run a connection now, recompute metrics, render and read a report.
/// (Later work moves these to OData bound actions.)
/// </summary>
internal static class EngageApi
{
    private static readonly RenderReportRequestValidator ReportValidator = new();

    public static void MapEngageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/connections/{id:long}/sync", async (long id, SyncScheduler scheduler, CancellationToken ct) =>
            await scheduler.RunNowAsync(id, ct) is { } result
                ? Results.Ok(new
                {
                    runId = result.RunId, status = result.Outcome.RunStatus, itemsFetched = result.ItemsFetched, itemsNew = result.ItemsNew,
                    error = result.Outcome.Error,
                })
                : Results.NotFound(new { error = new { code = "NotFound", message = $"There is no connection {id}." } }));

        api.MapPost("/workspaces/{id:long}/metrics/compute", async (long id, DateOnly? from, MetricRunner metrics, TimeProvider time, CancellationToken ct) =>
        {
            var start = from ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-90);
            return Results.Ok(new { values = await metrics.ComputeAsync(id, start, ct) });
        });

        api.MapPost("/reports", async (RenderReportRequest request, ReportRenderer renderer, CancellationToken ct) =>
        {
            await ReportValidator.ValidateAndThrowAsync(request, ct);
            var id = await renderer.RenderAsync(request.WorkspaceId, request.Template, request.Theme ?? "default",
                new DateRange(request.PeriodStart, request.PeriodEnd), request.Parameters ?? [], ct);
            return Results.Created($"/api/reports/{id}/html", new { id, html = $"/api/reports/{id}/html" });
        });

        api.MapGet("/reports/{id:long}/html", async (long id, EngageDatabase database, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.Command("SELECT Html FROM Reports WHERE Id = @id").With("@id", id);
            return await command.ExecuteScalarAsync(ct) is string html
                ? Results.Content(html, "text/html; charset=utf-8")
                : Results.NotFound(new { error = new { code = "NotFound", message = $"There is no report {id}." } });
        });
    }
}
