using Engage.Plugins.Tests.Fakes;
using Engage.Sdk.Connectors;

namespace Engage.Plugins.Tests.SdkHelpers;

/// <summary>The SDK's workspace day, which dates the followers figure the Mastodon and Bluesky connectors read.</summary>
public sealed class WorkspaceCalendarTests
{
    [Fact]
    public void Today_LateEveningUtc_IsTheWorkspacesDay()
    {
        var context = new FakeConnectorContext(new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 22, 30, 0, TimeSpan.Zero)));

        WorkspaceCalendar.Today(context).Should().Be(new DateOnly(2024, 5, 2), "it is already 00:30 in Paris");
    }

    [Fact]
    public void Today_UnknownZone_CountsInUtc()
    {
        var context = new FakeConnectorContext(new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 22, 30, 0, TimeSpan.Zero)), timeZone: "Nowhere/Atlantis");

        WorkspaceCalendar.Today(context).Should().Be(new DateOnly(2024, 5, 1));
    }
}
