namespace Engage.Sdk.Connectors;

/// <summary>Describes a connector. The id and capabilities must match the plugin manifest.</summary>
/// <param name="Id">Unique within the plugin, lower-case (<c>mastodon</c>).</param>
/// <param name="DisplayName">What people see.</param>
/// <param name="Network">The network id written to every row (<c>mastodon</c>, <c>bluesky</c>, or the connector's own).</param>
/// <param name="Capabilities">What the connector can do.</param>
public sealed record ConnectorInfo(string Id, string DisplayName, string Network, ConnectorCapabilities Capabilities)
{
    /// <summary>What the connector reads and what it needs.</summary>
    public string? Description { get; init; }

    /// <summary>The settings a connection needs.</summary>
    public IReadOnlyList<SettingDefinition> Settings { get; init; } = [];

    /// <summary>How often the host pulls by default; connections may override it.</summary>
    public TimeSpan DefaultPullInterval { get; init; } = TimeSpan.FromMinutes(15);
}
