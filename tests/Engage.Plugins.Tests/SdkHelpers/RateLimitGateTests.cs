using Engage.Sdk.RateLimits;

namespace Engage.Plugins.Tests.SdkHelpers;

/// <summary>The SDK's slow-down rule, which the Mastodon and Bluesky connectors apply to their own headers.</summary>
public sealed class RateLimitGateTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(300, 299, 300, 0)]
    [InlineData(300, 31, 300, 0)]
    [InlineData(300, 30, 300, 300.0 / 31)]
    [InlineData(300, 1, 300, 150)]
    [InlineData(300, 0, 300, 300)]
    [InlineData(30, 5, 60, 10)]
    [InlineData(30, 6, 60, 0)]
    [InlineData(300, 0, -5, 0)]
    public void DelayBeforeNext_ByWhatIsLeft_SpreadsTheRestOverTheWindow(int limit, int remaining, double resetInSeconds, double expectedSeconds)
    {
        RateLimitGate.DelayBeforeNext(limit, remaining, Now.AddSeconds(resetInSeconds), Now)
            .TotalSeconds.Should().BeApproximately(expectedSeconds, 0.001);
    }

    [Theory]
    [InlineData(90, 90)]
    [InlineData(0, 0)]
    [InlineData(-30, 0)]
    public void UntilReset_BeforeOrAfterTheReset_IsNeverNegative(double resetInSeconds, double expectedSeconds)
    {
        RateLimitGate.UntilReset(Now.AddSeconds(resetInSeconds), Now).Should().Be(TimeSpan.FromSeconds(expectedSeconds));
    }
}
