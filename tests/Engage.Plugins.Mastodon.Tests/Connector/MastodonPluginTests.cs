using Engage.Sdk.Connectors;
using Engage.Tests.Shared.Plugins;

namespace Engage.Plugins.Mastodon.Tests.Connector;

/// <summary>The plugin registers what its manifest declares (the host refuses it otherwise).</summary>
public sealed class MastodonPluginTests
{
    [Fact]
    public void Register_MatchesTheManifest_ConnectorAndCapabilities()
    {
        var registrar = new RecordingRegistrar("Mastodon");
        new MastodonPlugin().Register(registrar);
        using var manifest = PluginManifest.Read("Engage.Plugins.Mastodon");
        var declared = manifest.RootElement.GetProperty("provides").GetProperty("connectors").EnumerateArray().Single();

        var connector = registrar.Connectors.Should().ContainSingle().Subject;
        connector.Info.Id.Should().Be(declared.GetProperty("id").GetString());
        declared.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).Should().BeEquivalentTo("pull", "publish", "reply");
        connector.Info.Capabilities.Should().Be(ConnectorCapabilities.Pull | ConnectorCapabilities.Publish | ConnectorCapabilities.Reply);
        connector.Info.Network.Should().Be("mastodon");
        connector.Info.Settings.Single(s => s.IsSecret).Name.Should().Be("accessToken");
        manifest.RootElement.GetProperty("sdkRange").GetString().Should().Be("[1.0,2.0)");
    }
}
