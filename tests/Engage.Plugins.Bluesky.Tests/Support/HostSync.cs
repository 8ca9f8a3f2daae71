using Engage.Plugins.Bluesky.Settings;
using Engage.Plugins.Bluesky.Sync;
using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Tests.Shared.Sync;

namespace Engage.Plugins.Bluesky.Tests.Support;

/// <summary>The host's real sync path with the Bluesky connector loaded, and connections to a fake PDS whose app password is encrypted the way the host stores it.</summary>
internal sealed class HostSync : PluginHostSync
{
    public const string PluginId = "engage.bluesky";

    private HostSync()
        : base(PluginId, "Bluesky", "bluesky", () => new BlueskyConnector(), BlueskySettings.AppPasswordKey)
    {
    }

    public static Task<HostSync> CreateAsync() => InitializeAsync(new HostSync());

    /// <summary>A workspace and a Bluesky connection to <paramref name="server"/> with <paramref name="password"/> stored encrypted.</summary>
    public Task<long> AddConnectionAsync(FakePds server, string password = FakePds.Password) =>
        AddConnectionAsync(TestBluesky.Settings(server), password);
}
