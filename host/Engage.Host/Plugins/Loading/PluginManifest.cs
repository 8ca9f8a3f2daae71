using System.Text.Json.Serialization;

namespace Engage.Host.Plugins.Loading;

/// <summary>The contents of a plugin's <c>engage-plugin.json</c>, readable without running any plugin code.</summary>
internal sealed record PluginManifest
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("displayName")] public string? DisplayName { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("entryAssembly")] public string? EntryAssembly { get; init; }
    [JsonPropertyName("sdkRange")] public string? SdkRange { get; init; }
    [JsonPropertyName("provides")] public ManifestProvides? Provides { get; init; }
}

/// <summary>What a plugin declares it provides.</summary>
internal sealed record ManifestProvides
{
    [JsonPropertyName("connectors")] public IReadOnlyList<ManifestConnector>? Connectors { get; init; }
    [JsonPropertyName("metricCalculators")] public IReadOnlyList<string>? MetricCalculators { get; init; }
    [JsonPropertyName("reportTemplates")] public IReadOnlyList<string>? ReportTemplates { get; init; }
}

/// <summary>A declared connector and its capabilities (<c>pull</c>, <c>push</c>, <c>import</c>, <c>publish</c>, <c>reply</c>).</summary>
internal sealed record ManifestConnector
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("capabilities")] public IReadOnlyList<string>? Capabilities { get; init; }
}
