using Engage.Plugins.Mastodon.Settings;
using Engage.Plugins.Mastodon.Sync;
using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Tests.Shared.Sync;

namespace Engage.Plugins.Mastodon.Tests.Support;

/// <summary>The host's real sync path with the Mastodon connector loaded, and connections to a fake instance whose token is encrypted the way the host stores it.</summary>
internal sealed class HostSync : PluginHostSync
{
    public const string PluginId = "engage.mastodon";

    private HostSync()
        : base(PluginId, "Mastodon", "mastodon", () => new MastodonConnector(), MastodonSettings.AccessTokenKey)
    {
    }

    public static Task<HostSync> CreateAsync() => InitializeAsync(new HostSync());

    /// <summary>A workspace and a Mastodon connection to <paramref name="server"/> with <paramref name="token"/> stored encrypted.</summary>
    public Task<long> AddConnectionAsync(FakeMastodonServer server, string token = FakeMastodonServer.Token) =>
        AddConnectionAsync(TestMastodon.Settings(server), token);
}
