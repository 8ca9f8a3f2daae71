using Engage.Plugins.Demo.Sync;
using Engage.Plugins.Tests.Fakes;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Tests.Demo;

public sealed class DemoSettingsTests
{
    private readonly DemoConnector _connector = new();

    [Fact]
    public void ValidateSettings_Empty_HasNoErrors()
    {
        _connector.ValidateSettings(new Dictionary<string, string?>()).Should().BeEmpty();
    }

    [Fact]
    public void ValidateSettings_AllValid_HasNoErrors()
    {
        var settings = new Dictionary<string, string?> { ["seed"] = "-7", ["historyDays"] = "365", ["activity"] = "High" };

        _connector.ValidateSettings(settings).Should().BeEmpty();
    }

    [Fact]
    public void ValidateSettings_SeedNotANumber_NamesTheSettingAndTheValue()
    {
        var errors = _connector.ValidateSettings(new Dictionary<string, string?> { ["seed"] = "forty-two" });

        errors.Should().ContainSingle().Which.Should().Match<Engage.Sdk.Connectors.SettingError>(e =>
            e.Setting == "seed" && e.Message.Contains("whole number") && e.Message.Contains("'forty-two'"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("ninety")]
    [InlineData("-5")]
    public void ValidateSettings_HistoryDaysOutOfRange_ExplainsTheRange(string value)
    {
        var errors = _connector.ValidateSettings(new Dictionary<string, string?> { ["historyDays"] = value });

        errors.Should().ContainSingle().Which.Message.Should().Contain("from 1 to 365").And.Contain($"'{value}'");
        errors[0].Setting.Should().Be("historyDays");
    }

    [Fact]
    public void ValidateSettings_UnknownActivity_ListsTheAllowedValues()
    {
        var errors = _connector.ValidateSettings(new Dictionary<string, string?> { ["activity"] = "frantic" });

        errors.Should().ContainSingle().Which.Message.Should().Be("Activity must be low, normal or high (got 'frantic').");
    }

    [Fact]
    public void ValidateSettings_SeveralProblems_ReportsEachOnce()
    {
        var settings = new Dictionary<string, string?> { ["seed"] = "x", ["historyDays"] = "0", ["activity"] = "?" };

        _connector.ValidateSettings(settings).Select(e => e.Setting).Should().Equal("seed", "historyDays", "activity");
    }

    [Fact]
    public async Task ConnectAsync_InvalidSettings_ThrowsPermanentFailureWithTheMessage()
    {
        var context = new FakeConnectorContext(new FakeTimeProvider(DemoSync.Now), new Dictionary<string, string?> { ["historyDays"] = "1000" });

        var act = () => _connector.ConnectAsync(context, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<PluginException>()).Which;
        failure.Kind.Should().Be(PluginFailureKind.Permanent);
        failure.Message.Should().Contain("from 1 to 365");
    }

    [Fact]
    public void Info_Always_DeclaresPullOnlyWithDefaultsForEverySetting()
    {
        _connector.Info.Id.Should().Be("demo");
        _connector.Info.Network.Should().Be("demo");
        _connector.Info.Capabilities.Should().Be(Engage.Sdk.Connectors.ConnectorCapabilities.Pull);
        _connector.Info.Settings.Select(s => (s.Name, s.DefaultValue, s.IsSecret))
            .Should().Equal(("seed", "42", false), ("historyDays", "90", false), ("activity", "normal", false));
    }
}
