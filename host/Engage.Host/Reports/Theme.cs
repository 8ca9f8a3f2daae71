namespace Engage.Host.Reports;

/// <summary>A report theme: data only (a Handlebars layout and a stylesheet), no code.</summary>
internal sealed record Theme(string Name, string DisplayName, string Layout, string Css);
