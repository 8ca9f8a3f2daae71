using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Sync;
using Engage.Plugins.Mastodon.Settings;
using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Plugins.Mastodon.Tests.Support;
using Engage.Sdk.Connectors;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Plugins.Mastodon.Tests.Connector;

/// <summary>Saving a Mastodon connection asks the instance (verify_credentials) and names the setting that is wrong.</summary>
public sealed class MastodonConnectionCheckTests : IAsyncLifetime
{
    private FakeMastodonServer _server = null!;
    private HostSync _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeMastodonServer.StartAsync(FakeMastodonData.Seed(statuses: 3, notifications: 3, conversations: 1, followers: 3));
        _host = await HostSync.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Save_GoodToken_IsAccepted_AfterOneVerifyCredentials()
    {
        var problems = await CheckAsync(FakeMastodonServer.Token);

        problems.Should().BeEmpty();
        _server.Requests.Select(r => r.PathAndQuery).Should().Equal("/api/v1/accounts/verify_credentials");
    }

    [Fact]
    public async Task Save_RefusedToken_IsRefusedOnTheTokenSetting_WithoutShowingIt()
    {
        const string wrong = "tok_mistyped_Q81kd0";

        var problems = await CheckAsync(wrong);

        var problem = problems.Should().ContainSingle().Subject;
        problem.Setting.Should().Be(MastodonSettings.AccessTokenKey);
        problem.Message.Should().Contain("refused the access token").And.Contain(MastodonSettings.Scopes).And.NotContain(wrong);
    }

    [Fact]
    public async Task Save_AddressThatIsNotMastodon_IsRefusedOnTheInstanceSetting()
    {
        _server.Malform(p => p.Contains("verify_credentials", StringComparison.Ordinal));

        var problems = await CheckAsync(FakeMastodonServer.Token);

        problems.Should().ContainSingle().Which.Setting.Should().Be(MastodonSettings.InstanceUrlKey);
    }

    [Fact]
    public async Task Save_NobodyListening_IsRefusedOnTheInstanceSetting()
    {
        // A port that is bound but not listening: connections to it are refused, and no other test can take it meanwhile.
        using var bound = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        bound.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)bound.LocalEndPoint!).Port;
        var connector = TestMastodon.Connector();
        var context = new Engage.Sdk.Testing.Context.FakeConnectorContext(
            new Dictionary<string, string?> { [MastodonSettings.InstanceUrlKey] = $"http://127.0.0.1:{port}" },
            [new(MastodonSettings.AccessTokenKey, FakeMastodonServer.Token)]);

        var problems = await connector.CheckConnectionAsync(context, CancellationToken.None);

        problems.Should().ContainSingle().Which.Message.Should().Contain("Could not reach").And.Contain("instance URL");
    }

    [Fact]
    public async Task Save_InvalidAddress_IsRefusedByThePureCheck_WithoutAnyRequest()
    {
        var problems = await CheckAsync(FakeMastodonServer.Token, "http://mastodon.social");

        problems.Should().ContainSingle().Which.Message.Should().Contain("https://mastodon.social");
        _server.Requests.Should().BeEmpty();
    }

    /// <summary>The host's own check of a connection being saved (ConnectionSetup, as POST/PATCH /odata/Connections runs it).</summary>
    private async Task<IReadOnlyList<SettingError>> CheckAsync(string token, string? instanceUrl = null)
    {
        var invoker = new PluginInvoker(new PluginInvokerOptions(), NullLogger<PluginInvoker>.Instance);
        var setup = new ConnectionSetup(_host.Catalog, invoker, _host.Protection, _host.Clock, httpClients: new OneClient(), loggers: NullLoggerFactory.Instance);
        var lookup = setup.Find(HostSync.PluginId, "mastodon");
        var entered = new Dictionary<string, string?>
        {
            [MastodonSettings.InstanceUrlKey] = instanceUrl ?? _server.BaseUri.GetLeftPart(UriPartial.Authority),
            [MastodonSettings.AccessTokenKey] = token,
        };
        var change = SettingsChange.Apply(lookup.Connector!.Info, entered, new Dictionary<string, string>());
        return await setup.CheckAsync(lookup.Plugin!, lookup.Connector!, change, CancellationToken.None);
    }

    private sealed class OneClient : IHttpClientFactory
    {
        private static readonly HttpClient Client = new();

        public HttpClient CreateClient(string name) => Client;
    }
}
