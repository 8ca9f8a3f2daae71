using Engage.Plugins.SummaryReport.Summary;
using Engage.Sdk.Plugins;

namespace Engage.Plugins.SummaryReport;

/// <summary>Registers the <c>workspace-summary</c> report template.</summary>
public sealed class SummaryReportPlugin : IEngagePlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddReportTemplate(new WorkspaceSummaryTemplate());
    }
}
