using System.Text.Json;
using Engage.Host.ODataWrites;
using Engage.Host.Privacy.Erasure;
using Engage.Host.Privacy.Export;
using Engage.Host.Privacy.Subjects;
using Engage.Host.Security.Access;
using Engage.Host.Store;
using FluentValidation;

namespace Engage.Host.Privacy.Http;

/// <summary>
/// <c>GET /api/subjects/export?contacts=5,9&amp;format=json|csv</c> and <c>POST /api/subjects/erase</c>
/// (<c>{"contacts":[5,9],"reason":"..."}</c>): Admin only; a contact the key cannot see answers 404.
/// </summary>
internal static class SubjectEndpoints
{
    private static readonly SubjectRequestValidator ExportValidator = new(erasure: false);
    private static readonly SubjectRequestValidator EraseValidator = new(erasure: true);
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static void MapSubjectApi(this IEndpointRouteBuilder app)
    {
        var subjects = app.MapGroup("/api/subjects");
        subjects.MapGet("/export", async (HttpContext context, string? contacts, string? format, EngageDatabase database, TimeProvider time, CancellationToken ct) =>
        {
            if (SubjectAccess.Refuse(context, ApiEndpoints.SubjectExport) is { } refused)
            {
                return refused;
            }

            var request = new SubjectRequest(contacts, format, null);
            await ExportValidator.ValidateAndThrowAsync(request, ct);
            var canSee = SubjectAccess.VisibleWorkspaces(context);
            var export = await new SubjectExporter(database, time).ExportAsync(request.ContactIds, request.ExportFormat, Actors.Of(context), canSee, ct);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Stream(stream => SubjectExporter.WriteAsync(export, request.ExportFormat, stream, ct),
                request.ExportFormat == SubjectFormat.Csv ? SubjectCsvWriter.ContentType : SubjectJsonWriter.ContentType,
                SubjectExporter.FileName(export, request.ExportFormat));
        });

        subjects.MapPost("/erase", async (HttpContext context, EngageDatabase database, TimeProvider time, CancellationToken ct) =>
        {
            if (SubjectAccess.Refuse(context, ApiEndpoints.SubjectErase) is { } refused)
            {
                return refused;
            }

            var body = await ReadBodyAsync(context.Request, ct);

            var request = new SubjectRequest(body?.Contacts is { } ids ? string.Join(",", ids) : null, null, body?.Reason?.Trim());
            await EraseValidator.ValidateAndThrowAsync(request, ct);
            var canSee = SubjectAccess.VisibleWorkspaces(context);
            var result = await new SubjectEraser(database, time).EraseAsync(request.ContactIds, request.Reason!, Actors.Of(context), canSee, ct);
            return Results.Ok(new
            {
                workspaceId = result.WorkspaceId, contactIds = result.ContactIds, contacts = result.Contacts, conversations = result.Conversations,
                interactions = result.Interactions, replies = result.Replies, moments = result.Moments, publications = result.Publications,
                tombstones = result.Tombstones,
            });
        });
    }

    private static async Task<EraseBody?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<EraseBody>(request.Body, JsonOptions, cancellationToken);
        }
        catch (JsonException)
        {
            throw new ArgumentException("The body must be JSON like {\"contacts\": [5, 9], \"reason\": \"GDPR request 2026-117\"}.");
        }
    }

    /// <summary>The JSON body of an erasure.</summary>
    internal sealed record EraseBody(long[]? Contacts, string? Reason);
}
