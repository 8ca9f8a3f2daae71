using System.Globalization;
using Engage.Plugins.SummaryReport;
using Engage.Plugins.SummaryReport.Summary;
using Engage.Plugins.Tests.Support;
using Engage.Sdk.Data;
using Engage.Sdk.Reports;
using HandlebarsDotNet;

namespace Engage.Plugins.Tests.SummaryReport;

/// <summary>Renders like the host: the template body with the model, then the theme's layout around it.</summary>
internal static class ReportRendering
{
    public static async Task<string> RenderAsync(IWorkspaceData data, ReportRequest? request = null)
    {
        var template = new WorkspaceSummaryTemplate();
        var model = await template.BuildModelAsync(data, request ?? SummaryWorkspace.Request, CancellationToken.None);

        // The template file as the plugin ships it: next to the plugin's assembly.
        var pluginFolder = Path.GetDirectoryName(typeof(SummaryReportPlugin).Assembly.Location)!;
        var handlebars = Handlebars.Create();
        var body = handlebars.Compile(File.ReadAllText(Path.Combine(pluginFolder, template.Info.TemplateFile)))(model);
        var layout = handlebars.Compile(RepositoryFiles.Read("themes", "default", "layout.hbs"));
        return layout(new Dictionary<string, object?>
        {
            ["title"] = $"{template.Info.DisplayName}: {data.Workspace.Name}",
            ["workspace"] = data.Workspace.Name,
            ["periodStart"] = model["periodStart"],
            ["periodEnd"] = model["periodEnd"],
            ["generatedAt"] = new DateTimeOffset(2025, 4, 1, 9, 30, 0, TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["template"] = template.Info.Name,
            ["templateVersion"] = template.Info.Version,
            ["css"] = RepositoryFiles.Read("themes", "default", "theme.css"),
            ["body"] = body,
        });
    }
}
