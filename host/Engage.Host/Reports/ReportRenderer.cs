using Engage.Host.Metrics;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Store;
using Engage.Sdk.Data;
using Engage.Sdk.Reports;
using HandlebarsDotNet;

namespace Engage.Host.Reports;

/// <summary>
/// Renders a report: the template's plugin builds a model from the host's read-only view, the host
/// renders the plugin's Handlebars file with it, wraps the result in the theme's layout, and stores the
/// self-contained HTML in <c>Reports</c>.
/// </summary>
internal sealed class ReportRenderer(
    PluginCatalog catalog, PluginInvoker invoker, ThemeCatalog themes, EngageDatabase database, TimeProvider time)
{
    public async Task<long> RenderAsync(long workspaceId, string templateName, string themeName, DateRange period,
        IReadOnlyDictionary<string, string?> parameters, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceReader.FindAsync(database, workspaceId, cancellationToken)
            ?? throw new ArgumentException($"Workspace {workspaceId} does not exist.");
        if (catalog.FindTemplate(templateName) is not var (plugin, template))
        {
            throw new ArgumentException($"There is no loaded report template '{templateName}'.");
        }

        var theme = themes.Load(themeName);
        var info = template.Info;
        var values = info.Parameters.ToDictionary(p => p.Name, p => parameters.GetValueOrDefault(p.Name) ?? p.DefaultValue);
        var view = new WorkspaceDataView(database, workspace, info.Reads, plugin.Id);
        var model = await invoker.InvokeAsync(plugin, "report",
            ct => template.BuildModelAsync(view, new ReportRequest(period, values), ct), cancellationToken);
        var html = Render(plugin, info, theme, workspace, period, ModelSanitizer.Copy(model));

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                """
                INSERT INTO Reports (WorkspaceId, Template, Theme, PeriodStart, PeriodEnd, CreatedAt, Html)
                VALUES (@w, @t, @th, @s, @e, @at, @html) RETURNING Id
                """)
            .With("@w", workspaceId).With("@t", info.Name).With("@th", theme.Name).With("@s", DbTime.Format(period.From))
            .With("@e", DbTime.Format(period.To)).With("@at", DbTime.Format(time.GetUtcNow())).With("@html", html);
        return await command.InsertAsync(cancellationToken);
    }

    private string Render(LoadedPlugin plugin, ReportTemplateInfo info, Theme theme, WorkspaceView workspace, DateRange period,
        Dictionary<string, object?> model)
    {
        var handlebars = Handlebars.Create();
        var body = handlebars.Compile(File.ReadAllText(Path.Combine(plugin.Folder, info.TemplateFile)))(model);
        var layout = handlebars.Compile(theme.Layout);
        return layout(new Dictionary<string, object?>
        {
            ["title"] = $"{info.DisplayName ?? info.Name}: {workspace.Name}",
            ["workspace"] = workspace.Name,
            ["periodStart"] = DbTime.Format(period.From),
            ["periodEnd"] = DbTime.Format(period.To),
            ["generatedAt"] = time.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            ["template"] = info.Name,
            ["templateVersion"] = info.Version,
            ["css"] = theme.Css,
            ["body"] = body,
        });
    }
}
