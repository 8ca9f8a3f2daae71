using Engage.Plugins.Mastodon.Settings;
using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Plugins.Mastodon.Tests.Support;
using Engage.Sdk.Connectors;
using Engage.Sdk.Testing.Contract;

namespace Engage.Plugins.Mastodon.Tests.Connector;

/// <summary>The test kit's connector contract, run for the Mastodon connector against two fake instances (one quick, one slow).</summary>
public sealed class MastodonContractTests : ConnectorContractTests, IAsyncLifetime
{
    private FakeMastodonServer _server = null!;
    private FakeMastodonServer _slow = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeMastodonServer.StartAsync(FakeMastodonData.Seed(statuses: 50, notifications: 90, conversations: 6, followers: 90));
        _slow = await FakeMastodonServer.StartAsync();
        _slow.ResponseDelay = TimeSpan.FromMinutes(3);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _slow.DisposeAsync();
    }

    protected override IConnector CreateConnector() => TestMastodon.Connector();

    protected override Task<IConnectorContext> CreateContextAsync(ConnectorScenario scenario) => Task.FromResult<IConnectorContext>(scenario switch
    {
        ConnectorScenario.Working => TestMastodon.Context(_server),
        ConnectorScenario.CredentialsRefused => TestMastodon.Context(_server, token: "revoked-token"),
        _ => TestMastodon.Context(_slow),
    });

    protected override IEnumerable<IReadOnlyDictionary<string, string?>> ValidSettings =>
    [
        Settings("https://mastodon.social"),
        Settings("https://social.example:8443/"),
        Settings("http://127.0.0.1:5555"),
        Settings("http://localhost:3000"),
    ];

    protected override IEnumerable<IReadOnlyDictionary<string, string?>> InvalidSettings =>
    [
        Settings(null),
        Settings("   "),
        Settings("mastodon.social"),
        Settings("ftp://mastodon.social"),
        Settings("http://mastodon.social"),
        Settings("https://mastodon.social/@acme"),
        Settings("https://user:pw@mastodon.social"),
    ];

    protected override long? NetworkRequestCount => _server.Requests.Count + _slow.Requests.Count;

    private static Dictionary<string, string?> Settings(string? url) => new(StringComparer.Ordinal) { [MastodonSettings.InstanceUrlKey] = url };
}
