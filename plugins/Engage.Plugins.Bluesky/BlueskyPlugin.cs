using Engage.Plugins.Bluesky.Sync;
using Engage.Sdk.Plugins;

namespace Engage.Plugins.Bluesky;

/// <summary>Registers the Bluesky connector.</summary>
public sealed class BlueskyPlugin : IEngagePlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddConnector(new BlueskyConnector());
    }
}
