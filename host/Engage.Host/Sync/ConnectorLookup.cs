using Engage.Host.Plugins;
using Engage.Sdk.Connectors;

namespace Engage.Host.Sync;

/// <summary>
/// A connector found for a new connection, or why not: <see cref="PluginProblem"/> (not installed, not loaded,
/// quarantined) or <see cref="ConnectorProblem"/> (the plugin has no such connector).
/// </summary>
internal sealed record ConnectorLookup(LoadedPlugin? Plugin, IConnector? Connector, string? PluginProblem, string? ConnectorProblem)
{
    public bool Found => Plugin is not null && Connector is not null;
}
