using Engage.Sdk.Data;

namespace Engage.Sdk.Reports;

/// <summary>One rendering of a report.</summary>
/// <param name="Period">The days covered, in the workspace's time zone.</param>
/// <param name="Parameters">Values of the template's parameters, defaults applied.</param>
public sealed record ReportRequest(DateRange Period, IReadOnlyDictionary<string, string?> Parameters);
