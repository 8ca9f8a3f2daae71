using System.Text.Json;
using Engage.Plugins.Demo;
using Engage.Plugins.EngagementMetrics;
using Engage.Plugins.SummaryReport;
using Engage.Plugins.Tests.Fakes;
using Engage.Plugins.Tests.Support;
using Engage.Sdk.Connectors;
using Engage.Sdk.Plugins;

namespace Engage.Plugins.Tests.Manifests;

/// <summary>What each manifest declares is exactly what its plugin registers (the host refuses any mismatch).</summary>
public sealed class PluginManifestTests
{
    public static TheoryData<string, string> Plugins => new()
    {
        { "Engage.Plugins.Demo", "engage.demo" },
        { "Engage.Plugins.EngagementMetrics", "engage.engagement-metrics" },
        { "Engage.Plugins.SummaryReport", "engage.summary-report" },
    };

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_Header_NamesTheEntryAssemblyAndTheSdkRange(string project, string id)
    {
        using var manifest = Read(project);
        var root = manifest.RootElement;

        root.GetProperty("id").GetString().Should().Be(id);
        root.GetProperty("version").GetString().Should().Be("1.0.0");
        root.GetProperty("displayName").GetString().Should().NotBeNullOrWhiteSpace();
        root.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
        root.GetProperty("entryAssembly").GetString().Should().Be(project + ".dll");
        root.GetProperty("sdkRange").GetString().Should().Be("[1.0,2.0)");
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_Provides_EqualsWhatTheCodeRegisters(string project, string id)
    {
        using var manifest = Read(project);
        var provides = manifest.RootElement.GetProperty("provides");
        var registrar = new FakePluginRegistrar();

        EntryPoint(project).Register(registrar);

        provides.GetProperty("connectors").EnumerateArray()
            .Select(c => $"{c.GetProperty("id").GetString()}:{string.Join(",", c.GetProperty("capabilities").EnumerateArray().Select(x => x.GetString()))}")
            .Should().BeEquivalentTo(registrar.Connectors.Select(c => $"{c.Info.Id}:{CapabilityNames(c.Info.Capabilities)}"), id);
        provides.GetProperty("metricCalculators").EnumerateArray().Select(x => x.GetString())
            .Should().BeEquivalentTo(registrar.Calculators.Select(c => c.Info.Name));
        provides.GetProperty("reportTemplates").EnumerateArray().Select(x => x.GetString())
            .Should().BeEquivalentTo(registrar.Templates.Select(t => t.Info.Name));
        (registrar.Connectors.Count + registrar.Calculators.Count + registrar.Templates.Count).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Assembly_PublicSurface_IsOnlyTheEntryClass(string project, string id)
    {
        var assembly = EntryPoint(project).GetType().Assembly;

        assembly.GetExportedTypes().Should().ContainSingle(id).Which.Should().Match<Type>(t =>
            t.IsSealed && typeof(IEngagePlugin).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void BuiltPluginFolder_HoldsTheManifestAndNoCopyOfTheSdk(string project, string id)
    {
        var folder = RepositoryFiles.Path("artifacts", "plugins", project);

        File.ReadAllText(Path.Combine(folder, "engage-plugin.json")).Should().Be(RepositoryFiles.Read("plugins", project, "engage-plugin.json"), id);
        File.Exists(Path.Combine(folder, project + ".dll")).Should().BeTrue();
        File.Exists(Path.Combine(folder, "Engage.Sdk.dll")).Should().BeFalse("the SDK comes from the host");
    }

    [Fact]
    public void BuiltSummaryReport_CarriesItsTemplateFile()
    {
        var template = new FakePluginRegistrar();
        new SummaryReportPlugin().Register(template);

        File.Exists(RepositoryFiles.Path("artifacts", "plugins", "Engage.Plugins.SummaryReport", template.Templates[0].Info.TemplateFile)).Should().BeTrue();
    }

    private static JsonDocument Read(string project) => JsonDocument.Parse(RepositoryFiles.Read("plugins", project, "engage-plugin.json"));

    private static IEngagePlugin EntryPoint(string project) => project switch
    {
        "Engage.Plugins.Demo" => new DemoPlugin(),
        "Engage.Plugins.EngagementMetrics" => new EngagementMetricsPlugin(),
        "Engage.Plugins.SummaryReport" => new SummaryReportPlugin(),
        _ => throw new ArgumentOutOfRangeException(nameof(project)),
    };

    private static string CapabilityNames(ConnectorCapabilities capabilities) =>
        string.Join(",", Enum.GetValues<ConnectorCapabilities>()
            .Where(c => c != ConnectorCapabilities.None && capabilities.HasFlag(c))
            .Select(c => c.ToString().ToLowerInvariant()));
}
