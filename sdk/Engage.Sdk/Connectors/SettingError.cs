namespace Engage.Sdk.Connectors;

/// <summary>A problem with one setting, phrased for the person who entered it.</summary>
/// <param name="Setting">The setting's name.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record SettingError(string Setting, string Message);
