using Engage.Plugins.Demo.Sync;
using Engage.Sdk.Plugins;

namespace Engage.Plugins.Demo;

/// <summary>Registers the demo connector, which fills a workspace with invented but believable data.</summary>
public sealed class DemoPlugin : IEngagePlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddConnector(new DemoConnector());
    }
}
