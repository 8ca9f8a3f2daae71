using Engage.Host.Plugins.Invocation;
using Engage.Host.Sync;
using Engage.Plugins.Bluesky.Settings;
using Engage.Plugins.Bluesky.Tests.FakeServer;
using Engage.Plugins.Bluesky.Tests.Support;
using Engage.Sdk.Connectors;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Plugins.Bluesky.Tests.Connector;

/// <summary>Saving a Bluesky connection signs in (createSession) and names the setting that is wrong.</summary>
public sealed class BlueskyConnectionCheckTests : IAsyncLifetime
{
    private FakePds _server = null!;
    private HostSync _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakePds.StartAsync(FakePdsData.Seed(posts: 3, notifications: 3, followers: 3));
        _host = await HostSync.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Save_GoodAppPassword_IsAccepted_AfterSigningIn()
    {
        var problems = await CheckAsync(FakePds.Password);

        problems.Should().BeEmpty();
        _server.Requests.Select(r => r.Nsid).Should().Equal("com.atproto.server.createSession", "app.bsky.actor.getProfile");
    }

    [Fact]
    public async Task Save_WrongAppPassword_IsRefusedOnThePasswordSetting_WithoutShowingIt()
    {
        const string wrong = "wxyz-mist-yped-0000";

        var problems = await CheckAsync(wrong);

        var problem = problems.Should().ContainSingle().Subject;
        problem.Setting.Should().Be(BlueskySettings.AppPasswordKey);
        problem.Message.Should().Contain("refused the handle").And.Contain("App passwords").And.NotContain(wrong);
    }

    [Fact]
    public async Task Save_MainPasswordOfAnAccountWithEmailCodes_AsksForAnAppPassword()
    {
        _server.AccountState = "authFactor";

        var problems = await CheckAsync(FakePds.Password);

        problems.Should().ContainSingle().Which.Message.Should().Contain("sign-in code").And.Contain("Use an app password");
    }

    [Fact]
    public async Task Save_TakenDownAccount_IsRefusedOnTheHandle()
    {
        _server.AccountState = "takendown";

        var problems = await CheckAsync(FakePds.Password);

        problems.Should().ContainSingle().Which.Setting.Should().Be(BlueskySettings.HandleKey);
    }

    [Fact]
    public async Task Save_AddressThatIsNotAPds_IsRefusedOnTheServiceSetting()
    {
        _server.Malform(p => p.Contains("createSession", StringComparison.Ordinal));

        var problems = await CheckAsync(FakePds.Password);

        problems.Should().ContainSingle().Which.Setting.Should().Be(BlueskySettings.ServiceUrlKey);
    }

    [Fact]
    public async Task Save_NobodyListening_IsRefusedOnTheServiceSetting()
    {
        using var bound = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        bound.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)bound.LocalEndPoint!).Port;

        var problems = await CheckAsync(FakePds.Password, $"http://127.0.0.1:{port}");

        problems.Should().ContainSingle().Which.Message.Should().Contain("Could not reach").And.Contain("service URL");
    }

    /// <summary>The host's own check of a connection being saved (ConnectionSetup, as POST/PATCH /odata/Connections runs it).</summary>
    private async Task<IReadOnlyList<SettingError>> CheckAsync(string password, string? serviceUrl = null)
    {
        var invoker = new PluginInvoker(new PluginInvokerOptions(), NullLogger<PluginInvoker>.Instance);
        var setup = new ConnectionSetup(_host.Catalog, invoker, _host.Protection, _host.Clock, httpClients: new OneClient(), loggers: NullLoggerFactory.Instance);
        var lookup = setup.Find(HostSync.PluginId, "bluesky");
        var entered = new Dictionary<string, string?>
        {
            [BlueskySettings.HandleKey] = FakePdsData.MeHandle,
            [BlueskySettings.ServiceUrlKey] = serviceUrl ?? _server.BaseUri.GetLeftPart(UriPartial.Authority),
            [BlueskySettings.AppPasswordKey] = password,
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
