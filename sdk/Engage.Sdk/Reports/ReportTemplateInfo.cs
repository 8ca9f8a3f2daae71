using Engage.Sdk.Data;

namespace Engage.Sdk.Reports;

/// <summary>Describes a report template. The name must match the plugin manifest.</summary>
/// <param name="Name">Unique, lower-case with dashes (<c>workspace-summary</c>).</param>
/// <param name="Version">The template's version.</param>
/// <param name="TemplateFile">
/// The Handlebars file, relative to the plugin's folder (<c>templates/summary.hbs</c>). It renders the
/// body; the theme's layout wraps it. A path that leaves the plugin folder is refused.
/// </param>
/// <param name="Reads">The data the template's model reads.</param>
public sealed record ReportTemplateInfo(string Name, string Version, string TemplateFile, WorkspaceDataKinds Reads)
{
    /// <summary>What people see.</summary>
    public string? DisplayName { get; init; }
    /// <summary>What the report shows.</summary>
    public string? Description { get; init; }
    /// <summary>Extra parameters.</summary>
    public IReadOnlyList<ReportParameter> Parameters { get; init; } = [];
}
