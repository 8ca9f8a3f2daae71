using Engage.Sdk.Data;

namespace Engage.Sdk.Reports;

/// <summary>
/// A report: a Handlebars template file plus the code that builds its model from the workspace's data.
/// The host renders the model with the template and wraps it in the chosen theme.
/// </summary>
public interface IReportTemplate
{
    /// <summary>What the template is.</summary>
    ReportTemplateInfo Info { get; }

    /// <summary>
    /// Builds the model the template renders. The model must be plain data only: strings, numbers,
    /// booleans, dates, and nested <see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to object and
    /// <see cref="IReadOnlyList{T}"/> of object; the host refuses anything else (so it never holds on to a
    /// plugin's own types).
    /// </summary>
    /// <param name="data">A read-only view of the workspace.</param>
    /// <param name="request">The period and parameters.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    Task<IReadOnlyDictionary<string, object?>> BuildModelAsync(
        IWorkspaceData data, ReportRequest request, CancellationToken cancellationToken);
}
