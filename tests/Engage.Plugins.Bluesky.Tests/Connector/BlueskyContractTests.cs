using Engage.Plugins.Bluesky.Settings;
using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Plugins.Bluesky.Tests.Support;
using Engage.Sdk.Connectors;
using Engage.Sdk.Testing.Contract;

namespace Engage.Plugins.Bluesky.Tests.Connector;

/// <summary>The test kit's connector contract, run for the Bluesky connector against two fake PDSs (one quick, one slow).</summary>
public sealed class BlueskyContractTests : ConnectorContractTests, IAsyncLifetime
{
    private FakePds _server = null!;
    private FakePds _slow = null!;

    public async Task InitializeAsync()
    {
        _server = await FakePds.StartAsync(FakePdsData.Seed(posts: 50, notifications: 60, followers: 40));
        _slow = await FakePds.StartAsync();
        _slow.ResponseDelay = TimeSpan.FromMinutes(3);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _slow.DisposeAsync();
    }

    protected override IConnector CreateConnector() => TestBluesky.Connector();

    protected override Task<IConnectorContext> CreateContextAsync(ConnectorScenario scenario) => Task.FromResult<IConnectorContext>(scenario switch
    {
        ConnectorScenario.Working => TestBluesky.Context(_server),
        ConnectorScenario.CredentialsRefused => TestBluesky.Context(_server, password: "wrong-pass-word-0000"),
        _ => TestBluesky.Context(_slow),
    });

    protected override IEnumerable<IReadOnlyDictionary<string, string?>> ValidSettings =>
    [
        Settings("acme.bsky.social", null),
        Settings("@acme.bsky.social", "https://bsky.social"),
        Settings("acme.com", "https://pds.example.com:8443/"),
        Settings("did:plc:abc123xyz456abc123xyz456", "http://127.0.0.1:5555"),
        Settings("acme.bsky.social", "http://localhost:2583"),
    ];

    protected override IEnumerable<IReadOnlyDictionary<string, string?>> InvalidSettings =>
    [
        Settings(null, null),
        Settings("   ", null),
        Settings("acme", null),
        Settings("acme bsky.social", null),
        Settings("acme@example.com", null),
        Settings("acme.bsky.social", "bsky.social"),
        Settings("acme.bsky.social", "http://bsky.social"),
        Settings("acme.bsky.social", "https://bsky.app/profile/acme.bsky.social"),
        Settings("acme.bsky.social", "https://user:pw@bsky.social"),
    ];

    protected override long? NetworkRequestCount => _server.Requests.Count + _slow.Requests.Count;

    private static Dictionary<string, string?> Settings(string? handle, string? service) =>
        new(StringComparer.Ordinal) { [BlueskySettings.HandleKey] = handle, [BlueskySettings.ServiceUrlKey] = service };
}
