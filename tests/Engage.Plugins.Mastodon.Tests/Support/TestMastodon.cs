using Engage.Plugins.Mastodon.Settings;
using Engage.Plugins.Mastodon.Sync;
using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Sdk.Connectors;
using Engage.Sdk.Testing.Context;
using Engage.Sdk.Testing.Sync;

namespace Engage.Plugins.Mastodon.Tests.Support;

/// <summary>The connector and contexts pointed at a fake instance.</summary>
internal static class TestMastodon
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(5) };

    public static MastodonConnector Connector() => new();

    public static FakeConnectorContext Context(FakeMastodonServer server, string token = FakeMastodonServer.Token, DateTimeOffset? now = null) =>
        new(Settings(server), [new(MastodonSettings.AccessTokenKey, token)], Client) { Clock = now is { } at ? new ManualClock(at) : new ManualClock() };

    public static Dictionary<string, string?> Settings(FakeMastodonServer server) =>
        new(StringComparer.Ordinal) { [MastodonSettings.InstanceUrlKey] = server.BaseUri.GetLeftPart(UriPartial.Authority) };

    /// <summary>Connects and syncs from <paramref name="cursors"/> into <paramref name="items"/>.</summary>
    public static Task<PullRun> SyncAsync(FakeMastodonServer server, InMemoryCursorStore cursors, InMemoryItemStore items, FakeConnectorContext? context = null) =>
        PullDriver.ConnectAndRunAsync(Connector(), context ?? Context(server), cursors, items);

    public static async Task<IConnectorSession> ConnectAsync(FakeMastodonServer server, FakeConnectorContext? context = null) =>
        await Connector().ConnectAsync(context ?? Context(server), CancellationToken.None);
}
