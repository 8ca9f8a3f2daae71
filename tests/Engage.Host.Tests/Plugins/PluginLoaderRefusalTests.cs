using Engage.Host.Plugins;

namespace Engage.Host.Tests.Plugins;

/// <summary>Plugins the loader must refuse before (or right after) their code runs, each with a reason an operator can act on.</summary>
public sealed class PluginLoaderRefusalTests : IDisposable
{
    private readonly FixturePluginBuilder _fixtures = new();

    [Fact]
    public async Task LoadAllAsync_PluginCompiledAgainstSdk2_IsRefusedNamingBothVersions()
    {
        var sdk2 = _fixtures.AddFakeSdk("2.0.0.0");
        _fixtures.AddPlugin("fixture.sdk-two", "sdk2", FixtureSources.ForFakeSdk, sdk: sdk2);

        var plugin = (await _fixtures.LoadAllAsync()).Should().ContainSingle().Subject;

        plugin.Status.Should().Be(PluginStatus.Refused);
        plugin.Reason.Should().Contain("Engage.Sdk 2.0.0.0").And.Contain($"Engage.Sdk {Engage.Sdk.Plugins.SdkInfo.Version}");
        plugin.Context.Should().BeNull("no code of a refused plugin is loaded");
    }

    [Fact]
    public async Task LoadAllAsync_ManifestRangeExcludingTheHostSdk_IsRefusedNamingRangeAndHostVersion()
    {
        _fixtures.AddPlugin("fixture.range", "range",
            FixtureSources.Plugin("range", register: "throw new InvalidOperationException(\"must not run\");"), sdkRange: "[2.0,3.0)");

        var plugin = (await _fixtures.LoadAllAsync()).Should().ContainSingle().Subject;

        plugin.Status.Should().Be(PluginStatus.Refused);
        plugin.Reason.Should().MatchRegex(@"\[2\.0(\.0)?,3\.0(\.0)?\)").And.Contain($"SDK {Engage.Sdk.Plugins.SdkInfo.Version}");
        plugin.SdkRange.Should().Be("[2.0,3.0)");
    }

    [Theory]
    [InlineData("../evil.dll")]
    [InlineData("/tmp/x.dll")]
    [InlineData("lib/../../evil.dll")]
    public async Task LoadAllAsync_EntryAssemblyEscapingTheFolder_IsRefusedWithAPathMessage(string entryAssembly)
    {
        // A loadable plugin where "../evil.dll" points, so only the path check can stop it.
        _fixtures.AddPlugin("fixture.decoy", "decoy", FixtureSources.Plugin("decoy"));
        var decoy = Directory.GetFiles(_fixtures.FolderOf("fixture.decoy"), "*.dll").Single();
        File.Copy(decoy, Path.Combine(_fixtures.PluginsPath, "evil.dll"));
        Directory.Delete(_fixtures.FolderOf("fixture.decoy"), recursive: true);
        _fixtures.WriteManifest("fixture.escape", $$$"""
            {"id":"fixture.escape","version":"1.0.0","displayName":"Escape","entryAssembly":"{{{entryAssembly}}}","sdkRange":"[1.0,2.0)",
             "provides":{"connectors":[{"id":"decoy","capabilities":["pull"]}],"metricCalculators":[],"reportTemplates":[]}}
            """);

        var plugin = (await _fixtures.LoadAllAsync()).Should().ContainSingle().Subject;

        plugin.Status.Should().Be(PluginStatus.Refused);
        plugin.Reason.Should().Contain("'entryAssembly'").And.MatchRegex("inside the plugin's folder|outside the plugin folder");
        plugin.Connectors.Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAllAsync_ManifestDeclaringAnotherConnector_IsRefusedNamingBoth()
    {
        _fixtures.AddPlugin("fixture.mismatch", "a", FixtureSources.Plugin("b"));

        var plugin = (await _fixtures.LoadAllAsync()).Should().ContainSingle().Subject;

        plugin.Status.Should().Be(PluginStatus.Refused);
        plugin.Reason.Should().Contain("the manifest declares connector 'a' but the code does not register it")
            .And.Contain("the code registers connector 'b' that the manifest does not declare");
        plugin.Connectors.Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAllAsync_ManifestDeclaringOtherCapabilities_IsRefusedNamingBothSets()
    {
        _fixtures.AddPlugin("fixture.caps", "a", FixtureSources.Plugin("a"), capabilities: "[\"pull\",\"push\"]");

        var plugin = (await _fixtures.LoadAllAsync()).Should().ContainSingle().Subject;

        plugin.Status.Should().Be(PluginStatus.Refused);
        plugin.Reason.Should().Contain("connector 'a': the manifest declares capabilities [pull, push] but the code registers [pull]");
    }

    [Fact]
    public async Task LoadAllAsync_InvalidManifest_IsRefusedNamingTheFieldWhileAnotherLoads()
    {
        _fixtures.WriteManifest("fixture.a-invalid", """
            {"id":"fixture.a-invalid","version":"1.0.0","displayName":"Invalid","entryAssembly":"Invalid.dll","sdkRange":"[1.0,)",
             "provides":{"connectors":[{"id":"x","capabilities":["teleport"]}]}}
            """);
        _fixtures.AddPlugin("fixture.b-good", "good", FixtureSources.Plugin("good"));

        var plugins = await _fixtures.LoadAllAsync();

        var invalid = plugins.Single(p => p.Id == "fixture.a-invalid");
        invalid.Status.Should().Be(PluginStatus.Refused);
        invalid.Reason.Should().Contain("engage-plugin.json").And.Contain("upper bound").And.Contain("'teleport'");
        plugins.Single(p => p.Id == "fixture.b-good").Status.Should().Be(PluginStatus.Loaded);
    }

    public void Dispose() => _fixtures.Dispose();
}
