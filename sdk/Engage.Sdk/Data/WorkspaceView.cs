namespace Engage.Sdk.Data;

/// <summary>The workspace a calculation or report is for.</summary>
/// <param name="Id">The workspace id.</param>
/// <param name="Name">The workspace name.</param>
/// <param name="TimeZone">The IANA time zone its dates are in.</param>
public sealed record WorkspaceView(long Id, string Name, string TimeZone);
