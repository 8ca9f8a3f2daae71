namespace Engage.Sdk.Reports;

/// <summary>A parameter a report template accepts besides the workspace and period.</summary>
/// <param name="Name">The key.</param>
/// <param name="DisplayName">What people see.</param>
public sealed record ReportParameter(string Name, string DisplayName)
{
    /// <summary>Help text.</summary>
    public string? Description { get; init; }
    /// <summary>The value used when none is given.</summary>
    public string? DefaultValue { get; init; }
}
