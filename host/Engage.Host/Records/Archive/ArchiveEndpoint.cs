using Engage.Host.Api;
using Engage.Host.ODataWrites;
using Engage.Host.Security;
using Engage.Host.Security.Access;
using Engage.Host.Store;

namespace Engage.Host.Records.Archive;

/// <summary>
/// <c>GET /api/workspaces/{id}/archive?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>: the archive of a workspace and period as a
/// zip streamed while it is written (JSON lines files and <c>manifest.json</c>). Admins only; 400 for a bad period,
/// 404 for an unknown workspace.
/// </summary>
internal static class ArchiveEndpoint
{
    public static void MapArchive(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/workspaces/{id:long}/archive", async (HttpContext context, long id, string? from, string? to, EngageDatabase database, TimeProvider time) =>
        {
            if (ApiAccess.Refuse(context, ApiEndpoints.WorkspaceArchive) is { } refused)
            {
                return refused;
            }

            var (period, problems) = ArchivePeriod.Parse(from, to);
            if (period is null)
            {
                return Error(StatusCodes.Status400BadRequest, "BadRequest", string.Join(" ", problems));
            }

            var exporter = new ArchiveExporter(database, time);
            if (Principals.Of(context)?.Workspaces.Contains(id) != true || await exporter.FindWorkspaceAsync(id, context.RequestAborted) is not { } workspace)
            {
                return Error(StatusCodes.Status404NotFound, "NotFound", $"There is no workspace {id}.");
            }

            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(id, period)}\"";
            await exporter.ExportAsync(workspace, period, await ZipArchiveTarget.CreateAsync(context.Response.Body, context.RequestAborted), Actors.Of(context),
                context.RequestAborted);
            return Results.Empty;
        });

    /// <summary>The archive's name: <c>engage-archive-{workspace}-{from}-{to}.zip</c>.</summary>
    public static string FileName(long workspaceId, ArchivePeriod period) =>
        $"engage-archive-{workspaceId}-{ArchivePeriod.Text(period.From)}-{ArchivePeriod.Text(period.To)}.zip";

    private static IResult Error(int status, string code, string message) => Results.Json(new { error = new { code, message } }, statusCode: status);
}
