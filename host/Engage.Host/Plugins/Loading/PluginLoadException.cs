namespace Engage.Host.Plugins.Loading;

/// <summary>A plugin's code is not shaped as the host needs (no entry class, several).</summary>
internal sealed class PluginLoadException(string message) : Exception(message);
