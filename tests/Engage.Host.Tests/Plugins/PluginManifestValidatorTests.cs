using Engage.Host.Plugins.Loading;

namespace Engage.Host.Tests.Plugins;

/// <summary>Manifest messages name the field and what to write.</summary>
public sealed class PluginManifestValidatorTests
{
    private static readonly PluginManifest Valid = new()
    {
        Id = "acme.crm",
        Version = "1.0.0",
        DisplayName = "Acme CRM",
        EntryAssembly = "Acme.Crm.dll",
        SdkRange = "[1.0,2.0)",
        Provides = new ManifestProvides { Connectors = [new ManifestConnector { Id = "crm", Capabilities = ["pull"] }] },
    };

    private readonly PluginManifestValidator _validator = new();

    [Fact]
    public void Validate_CompleteManifest_IsValid()
    {
        var result = _validator.Validate(Valid);

        result.IsValid.Should().BeTrue(string.Join(" ", result.Errors));
    }

    [Fact]
    public void Validate_MissingId_SaysIdIsRequiredWithAnExample() =>
        Messages(Valid with { Id = null }).Should().ContainSingle().Which.Should().Be("'id' is required (for example \"acme.crm\").");

    [Theory]
    [InlineData("Acme CRM")]
    [InlineData("acme/crm")]
    [InlineData("a")]
    public void Validate_IdWithBadCharacters_SaysWhichCharactersAreAllowed(string id) =>
        Messages(Valid with { Id = id }).Should().ContainSingle()
            .Which.Should().Be("'id' must be 2 to 64 lower-case letters, digits, dots, dashes or underscores.");

    [Theory]
    [InlineData("one")]
    [InlineData("1.x")]
    public void Validate_VersionNotANumber_AsksForAVersionNumber(string version) =>
        Messages(Valid with { Version = version }).Should().ContainSingle().Which.Should().Contain("'version'").And.Contain("\"1.2.0\"");

    [Fact]
    public void Validate_VersionWithPrereleaseSuffix_IsValid() =>
        Messages(Valid with { Version = "1.2.0-beta.1" }).Should().BeEmpty();

    [Theory]
    [InlineData("[1.0,)", "upper bound is required")]
    [InlineData("1.0", "must be an interval such as \"[1.0,2.0)\"")]
    [InlineData(null, "must be an interval such as \"[1.0,2.0)\"")]
    public void Validate_SdkRangeWithoutUpperBound_AsksForAnInterval(string? range, string expected) =>
        Messages(Valid with { SdkRange = range }).Should().ContainSingle().Which.Should().Contain("sdkRange").And.Contain(expected);

    [Fact]
    public void Validate_UnknownCapability_NamesItAndListsTheKnownOnes() =>
        Messages(Valid with { Provides = new ManifestProvides { Connectors = [new ManifestConnector { Id = "crm", Capabilities = ["pull", "teleport"] }] } })
            .Should().ContainSingle().Which.Should().Be("Unknown connector capability 'teleport'; use pull, push, import, publish, reply.");

    [Fact]
    public void Validate_ProvidesEmpty_SaysAPluginMustProvideSomething() =>
        Messages(Valid with { Provides = new ManifestProvides { Connectors = [], MetricCalculators = [], ReportTemplates = [] } })
            .Should().ContainSingle().Which.Should().Contain("'provides' lists nothing").And.Contain("at least one connector, metric calculator or report template");

    [Fact]
    public void Validate_ProvidesMissing_SaysItIsRequired() =>
        Messages(Valid with { Provides = null }).Should().ContainSingle().Which.Should().StartWith("'provides' is required");

    [Fact]
    public void Validate_ConnectorWithoutId_SaysEveryConnectorNeedsOne() =>
        Messages(Valid with { Provides = new ManifestProvides { Connectors = [new ManifestConnector { Capabilities = ["pull"] }] } })
            .Should().ContainSingle().Which.Should().Be("Every connector in 'provides.connectors' needs an 'id'.");

    [Theory]
    [InlineData("../evil.dll")]
    [InlineData("/tmp/x.dll")]
    [InlineData("C:\\x.dll")]
    [InlineData("bin//x.dll")]
    public void Validate_EntryAssemblyOutsideTheFolder_SaysItMustBeInside(string entry) =>
        Messages(Valid with { EntryAssembly = entry }).Should().ContainSingle()
            .Which.Should().Be("'entryAssembly' must be a path inside the plugin's folder (no absolute path, no '..').");

    [Fact]
    public void Validate_EntryAssemblyNotADll_SaysItMustNameADll() =>
        Messages(Valid with { EntryAssembly = "Acme.Crm.exe" }).Should().ContainSingle().Which.Should().Be("'entryAssembly' must name a .dll file.");

    [Fact]
    public void Validate_EntryAssemblyInASubfolder_IsValid() =>
        Messages(Valid with { EntryAssembly = "bin/Acme.Crm.dll" }).Should().BeEmpty();

    private IReadOnlyList<string> Messages(PluginManifest manifest) =>
        _validator.Validate(manifest).Errors.Select(e => e.ErrorMessage).ToList();
}
