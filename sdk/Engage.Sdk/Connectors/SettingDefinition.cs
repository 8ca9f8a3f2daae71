namespace Engage.Sdk.Connectors;

/// <summary>One setting a connection of this connector needs.</summary>
/// <param name="Name">The key, as stored (<c>instanceUrl</c>).</param>
/// <param name="DisplayName">What people see (<c>Instance URL</c>).</param>
public sealed record SettingDefinition(string Name, string DisplayName)
{
    /// <summary>Help text: what to enter and where to find it.</summary>
    public string? Description { get; init; }

    /// <summary>True when a connection cannot work without it.</summary>
    public bool Required { get; init; }

    /// <summary>
    /// True for tokens, passwords and app secrets: the host encrypts them, never shows them, and hands them
    /// over only through <see cref="ISecretAccessor"/>. Secrets never appear in
    /// <see cref="IConnectorContext.Settings"/>.
    /// </summary>
    public bool IsSecret { get; init; }

    /// <summary>The value used when none is given.</summary>
    public string? DefaultValue { get; init; }
}
