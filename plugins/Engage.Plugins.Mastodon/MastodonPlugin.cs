using Engage.Plugins.Mastodon.Sync;
using Engage.Sdk.Plugins;

namespace Engage.Plugins.Mastodon;

/// <summary>Registers the Mastodon connector.</summary>
public sealed class MastodonPlugin : IEngagePlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddConnector(new MastodonConnector());
    }
}
