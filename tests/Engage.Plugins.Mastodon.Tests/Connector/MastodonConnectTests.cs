using Engage.Plugins.Mastodon.Settings;
using Engage.Plugins.Mastodon.Tests.FakeServer;
using Engage.Plugins.Mastodon.Tests.Support;
using Engage.Sdk.Failures;
using Engage.Sdk.Testing.Context;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Mastodon.Tests.Connector;

/// <summary>Connecting: the token is checked with verify_credentials; refusals say what to do and never show the token.</summary>
public sealed class MastodonConnectTests : IAsyncLifetime
{
    private FakeMastodonServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMastodonServer.StartAsync(FakeMastodonData.Seed(statuses: 5, notifications: 5, conversations: 1, followers: 5));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Connect_RefusedToken_IsCredentialsInvalid_AndTheTokenAppearsNowhere()
    {
        const string wrong = "tok_wrong_a8Kd02mQ";
        var context = TestMastodon.Context(_server, wrong);

        var refused = await Assert.ThrowsAsync<PluginException>(() => TestMastodon.Connector().ConnectAsync(context, CancellationToken.None));

        refused.Kind.Should().Be(PluginFailureKind.CredentialsInvalid);
        refused.Message.Should().Contain("The access token is invalid").And.Contain(MastodonSettings.Scopes).And.NotContain(wrong);
        context.Log.Contains(wrong).Should().BeFalse();
        _server.Requests.Should().ContainSingle().Which.PathAndQuery.Should().Be("/api/v1/accounts/verify_credentials");
    }

    [Fact]
    public async Task Connect_NoTokenSet_IsCredentialsInvalid_WithoutAnyRequest()
    {
        var context = new FakeConnectorContext(TestMastodon.Settings(_server));

        var refused = await Assert.ThrowsAsync<PluginException>(() => TestMastodon.Connector().ConnectAsync(context, CancellationToken.None));

        refused.Kind.Should().Be(PluginFailureKind.CredentialsInvalid);
        refused.Message.Should().Contain("No access token is set");
        _server.Requests.Should().BeEmpty();
        context.FakeSecrets.Requested.Should().Equal(MastodonSettings.AccessTokenKey);
    }

    [Fact]
    public async Task Connect_NotAMastodonServer_IsPermanent_AndNamesTheSetting()
    {
        _server.Malform(p => p.Contains("verify_credentials", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<PluginException>(() => TestMastodon.Connector().ConnectAsync(TestMastodon.Context(_server), CancellationToken.None));

        refused.Kind.Should().Be(PluginFailureKind.Transient);
        refused.Message.Should().Contain("not valid JSON").And.Contain("instance URL");
    }

    [Fact]
    public async Task Sync_PagingLinkToAnotherServer_IsRefused_TheTokenStaysHome()
    {
        _server.Script(p => p.StartsWith("/api/v1/notifications", StringComparison.Ordinal), async http =>
        {
            http.Response.Headers.Append("Link", "<https://evil.example/api/v1/notifications?max_id=1>; rel=\"next\"");
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(
                $"[{{\"id\":\"5\",\"type\":\"follow\",\"created_at\":\"2024-05-01T07:00:00.000Z\",\"account\":{_server.Data.Contacts[0].ToJsonString()}}}]");
        });

        var run = await TestMastodon.SyncAsync(_server, new(), new());

        var failure = run.Failure.Should().BeOfType<PluginException>().Subject;
        failure.Kind.Should().Be(PluginFailureKind.Permanent);
        failure.Message.Should().Contain("evil.example").And.Contain("does not send the access token there");
    }
}
