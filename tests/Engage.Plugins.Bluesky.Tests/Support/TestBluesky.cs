using Engage.Plugins.Bluesky.Settings;
using Engage.Plugins.Bluesky.Sync;
using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Sdk.Connectors;
using Engage.Sdk.Testing.Context;
using Engage.Sdk.Testing.Sync;

namespace Engage.Plugins.Bluesky.Tests.Support;

/// <summary>The connector and contexts pointed at a fake PDS.</summary>
internal static class TestBluesky
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(5) };

    public static BlueskyConnector Connector() => new();

    public static FakeConnectorContext Context(FakePds server, string password = FakePds.Password, DateTimeOffset? now = null) =>
        new(Settings(server), [new(BlueskySettings.AppPasswordKey, password)], Client) { Clock = now is { } at ? new ManualClock(at) : new ManualClock() };

    public static Dictionary<string, string?> Settings(FakePds server, string handle = FakePdsData.MeHandle) =>
        new(StringComparer.Ordinal)
        {
            [BlueskySettings.HandleKey] = handle,
            [BlueskySettings.ServiceUrlKey] = server.BaseUri.GetLeftPart(UriPartial.Authority),
        };

    /// <summary>Connects and syncs from <paramref name="cursors"/> into <paramref name="items"/>.</summary>
    public static Task<PullRun> SyncAsync(FakePds server, InMemoryCursorStore cursors, InMemoryItemStore items, FakeConnectorContext? context = null) =>
        PullDriver.ConnectAndRunAsync(Connector(), context ?? Context(server), cursors, items);

    public static async Task<IConnectorSession> ConnectAsync(FakePds server, FakeConnectorContext? context = null) =>
        await Connector().ConnectAsync(context ?? Context(server), CancellationToken.None);
}
