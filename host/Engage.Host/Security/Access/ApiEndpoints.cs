namespace Engage.Host.Security.Access;

/// <summary>The names of the <c>/api</c> endpoints in <see cref="AccessMatrix"/> (and in the 403 messages).</summary>
internal static class ApiEndpoints
{
    public const string ConnectionSync = "POST /api/connections/{id}/sync";

    public const string MetricsCompute = "POST /api/workspaces/{id}/metrics/compute";

    public const string ReportRender = "POST /api/reports";

    public const string ReportHtml = "GET /api/reports/{id}/html";

    public const string SubjectExport = "GET /api/subjects/export";

    public const string SubjectErase = "POST /api/subjects/erase";

    public const string WorkspaceArchive = "GET /api/workspaces/{id}/archive";
}
