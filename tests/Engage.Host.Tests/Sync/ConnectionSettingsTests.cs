using Engage.Host.Sync;
using Engage.Sdk.Connectors;

namespace Engage.Host.Tests.Sync;

/// <summary>How entered settings become the stored settings, the encrypted secrets and what a connector sees.</summary>
public sealed class ConnectionSettingsTests
{
    private static readonly ConnectorInfo Info = new("vault", "Vault", "vaultnet", ConnectorCapabilities.Pull)
    {
        Settings =
        [
            new SettingDefinition("url", "URL") { Required = true },
            new SettingDefinition("token", "Token") { Required = true, IsSecret = true },
            new SettingDefinition("refresh", "Refresh token") { IsSecret = true },
            new SettingDefinition("label", "Label") { DefaultValue = "standard" },
        ],
    };

    private static readonly Dictionary<string, string> Stored = new() { ["token"] = "t-old", ["refresh"] = "r-old", ["session"] = "s-own" };

    [Fact]
    public void Apply_SecretOmittedOrSentAsMarker_KeepsTheStoredOne()
    {
        var change = SettingsChange.Apply(Info, new Dictionary<string, string?> { ["url"] = "https://a", ["token"] = "(set)" }, Stored);

        change.Problems.Should().BeEmpty();
        change.Secrets.Should().BeEquivalentTo(Stored, "an omitted secret, a marker and the connector's own secrets all stay");
        change.NonSecret.Should().BeEquivalentTo(new Dictionary<string, string?> { ["url"] = "https://a" });
        change.Stored(Info).Should().Be("{\"url\":\"https://a\",\"token\":\"(set)\",\"refresh\":\"(set)\"}");
    }

    [Fact]
    public void Apply_NewValueReplacesNullRemoves_RequiredSecretRemovedIsReported()
    {
        var change = SettingsChange.Apply(Info, new Dictionary<string, string?> { ["url"] = "https://a", ["token"] = null, ["refresh"] = "r-new" }, Stored);

        change.Secrets.Should().BeEquivalentTo(new Dictionary<string, string> { ["refresh"] = "r-new", ["session"] = "s-own" });
        change.Problems.Should().ContainSingle().Which.Should().Be(new SettingError("token", "'Token' (token) is required."));
    }

    [Fact]
    public void Apply_UnknownNameMarkerForUnsetSecretAndMissingRequired_AreEachReportedWithoutValues()
    {
        var change = SettingsChange.Apply(Info, new Dictionary<string, string?> { ["colour"] = "red", ["token"] = "(set)" }, new Dictionary<string, string>());

        change.Problems.Select(p => p.Setting).Should().Equal("colour", "token", "url");
        change.Problems[0].Message.Should().Contain("'url', 'token', 'refresh', 'label'");
        change.Problems[1].Message.Should().Contain("not set yet");
        change.Secrets.Should().BeEmpty();
    }

    [Fact]
    public void ForConnector_StoredText_DropsSecretMarkersAndAppliesDefaults()
    {
        var seen = ConnectionSettings.ForConnector(Info, "{\"url\":\"https://a\",\"token\":\"(set)\",\"label\":\" \"}");

        seen.Should().BeEquivalentTo(new Dictionary<string, string?> { ["url"] = "https://a", ["label"] = "standard" });
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"a\":{\"b\":\"c\"}}")]
    [InlineData("{\"a\":\"1\",\"a\":\"2\"}")]
    [InlineData("{not json")]
    [InlineData("")]
    public void TryParse_NotAnObjectOfTexts_IsRefusedWithoutQuotingIt(string text)
    {
        ConnectionSettings.TryParse(text, out _, out var problem).Should().BeFalse();

        problem.Should().StartWith("'Settings'");
        problem.Should().NotContain("not json");
    }

    [Fact]
    public void TryParse_NumbersAndBooleans_AreTakenAsText()
    {
        ConnectionSettings.TryParse("{\"seed\":7,\"on\":true,\"gone\":null}", out var values, out _).Should().BeTrue();

        values.Should().BeEquivalentTo(new Dictionary<string, string?> { ["seed"] = "7", ["on"] = "true", ["gone"] = null });
    }
}
