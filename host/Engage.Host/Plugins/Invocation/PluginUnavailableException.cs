namespace Engage.Host.Plugins.Invocation;

/// <summary>The plugin is not loaded (refused, failed, quarantined or unloaded): nothing was called.</summary>
internal sealed class PluginUnavailableException(string pluginId, PluginStatus status, string? reason)
    : Exception($"Plugin {pluginId} is {status}: {reason}")
{
    public string PluginId { get; } = pluginId;
    public PluginStatus Status { get; } = status;
}
