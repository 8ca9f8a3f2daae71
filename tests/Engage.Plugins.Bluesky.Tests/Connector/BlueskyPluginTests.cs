using System.Text.Json;
using Engage.Sdk.Connectors;
using Engage.Sdk.Metrics;
using Engage.Sdk.Plugins;
using Engage.Sdk.Reports;

namespace Engage.Plugins.Bluesky.Tests.Connector;

/// <summary>The plugin registers what its manifest declares (the host refuses it otherwise).</summary>
public sealed class BlueskyPluginTests
{
    [Fact]
    public void Register_MatchesTheManifest_ConnectorAndCapabilities()
    {
        var registrar = new Registrar();
        new BlueskyPlugin().Register(registrar);
        using var manifest = JsonDocument.Parse(File.ReadAllText(ManifestPath()));
        var declared = manifest.RootElement.GetProperty("provides").GetProperty("connectors").EnumerateArray().Single();

        var connector = registrar.Connectors.Should().ContainSingle().Subject;
        connector.Info.Id.Should().Be(declared.GetProperty("id").GetString());
        declared.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).Should().BeEquivalentTo("pull", "publish", "reply");
        connector.Info.Capabilities.Should().Be(ConnectorCapabilities.Pull | ConnectorCapabilities.Publish | ConnectorCapabilities.Reply);
        connector.Info.Network.Should().Be("bluesky");
        connector.Info.Settings.Single(s => s.IsSecret).Name.Should().Be("appPassword");
        manifest.RootElement.GetProperty("sdkRange").GetString().Should().Be("[1.0,2.0)");
        connector.Info.Settings.Single(s => s.Name == "serviceUrl").DefaultValue.Should().Be("https://bsky.social", "the public PDS unless told otherwise");
    }

    private static string ManifestPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "plugins", "Engage.Plugins.Bluesky", "engage-plugin.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("plugins/Engage.Plugins.Bluesky/engage-plugin.json not found above the test folder");
    }

    private sealed class Registrar : IPluginRegistrar
    {
        public List<IConnector> Connectors { get; } = [];

        public Version SdkVersion => SdkInfo.Version;

        public void AddConnector(IConnector connector) => Connectors.Add(connector);

        public void AddMetricCalculator(IMetricCalculator calculator) => throw new InvalidOperationException("The Bluesky plugin has no calculators.");

        public void AddReportTemplate(IReportTemplate template) => throw new InvalidOperationException("The Bluesky plugin has no templates.");
    }
}
