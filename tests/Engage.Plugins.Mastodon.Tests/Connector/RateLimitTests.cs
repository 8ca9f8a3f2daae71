using Engage.Plugins.Mastodon.Api;

namespace Engage.Plugins.Mastodon.Tests.Connector;

/// <summary>The slow-down rule on its own: when to wait, and how long.</summary>
public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(300, 299, 300, 0)]
    [InlineData(300, 31, 300, 0)]
    [InlineData(300, 30, 300, 300.0 / 31)]
    [InlineData(300, 1, 300, 150)]
    [InlineData(300, 0, 300, 300)]
    [InlineData(30, 5, 60, 10)]
    [InlineData(300, 0, -5, 0)]
    public void DelayBeforeNext_ByWhatIsLeft_SpreadsTheRestOverTheWindow(int limit, int remaining, double resetInSeconds, double expectedSeconds)
    {
        var limitState = new RateLimit(limit, remaining, Now.AddSeconds(resetInSeconds), Now);

        limitState.DelayBeforeNext().TotalSeconds.Should().BeApproximately(expectedSeconds, 0.001);
    }

    [Fact]
    public void From_MastodonHeaders_ReadsTheIsoResetAgainstTheServersDate()
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Limit", "300");
        response.Headers.Add("X-RateLimit-Remaining", "12");
        response.Headers.Add("X-RateLimit-Reset", "2024-05-01T12:05:00.123456Z");
        response.Headers.Date = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        var limit = RateLimit.From(response.Headers, localNow: new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))!;

        limit.Remaining.Should().Be(12);
        limit.UntilReset.Should().Be(TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1234560), "a skewed local clock does not matter");
    }
}
