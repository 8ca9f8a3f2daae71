using Engage.Host.Ingestion;
using Engage.Host.Sync;

namespace Engage.Host.Tests.Sync;

/// <summary>The pause a rate limit sets: the network's reset within sane bounds, and what the connection shows.</summary>
public sealed class RateLimitPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly RateLimitPolicy Policy = new(new Backoff(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));
    private static readonly ConnectionRecord Record = new(1, 1, "p", "c", "n", ConnectionStatus.Retrying, 900, 3, "{}", null, "UTC");

    [Theory]
    [InlineData(240, 240)]
    [InlineData(3 * 86400, 86400)]
    [InlineData(0, 5)]
    [InlineData(-60, 5)]
    [InlineData(2, 5)]
    public void Outcome_RetryAfter_IsClampedBetweenFiveSecondsAndADay(int retryAfterSeconds, int expectedSeconds)
    {
        var outcome = Policy.Outcome(Record, "429", TimeSpan.FromSeconds(retryAfterSeconds), new RunProgress(), 0, Now);

        outcome.NextSyncAt.Should().Be(Now.AddSeconds(expectedSeconds));
        outcome.ConnectionStatus.Should().Be(ConnectionStatus.RateLimited);
        outcome.LastError.Should().BeNull("a pause is not an error on the connection");
        outcome.ConsecutiveFailures.Should().Be(3, "neither counted nor reset");
    }

    [Fact]
    public void Outcome_NinthPauseWithoutProgressThenTenth_OnlyTheTenthShowsRetrying()
    {
        var ninth = Policy.Outcome(Record, "429", TimeSpan.FromMinutes(1), new RunProgress(), 8, Now);
        var tenth = Policy.Outcome(Record, "429", TimeSpan.FromMinutes(1), new RunProgress(), 9, Now);
        var progress = new RunProgress();
        progress.Add(new BatchResult(4, 4, null));
        var progressing = Policy.Outcome(Record, "429", TimeSpan.FromMinutes(1), progress, 50, Now);

        ninth.ConnectionStatus.Should().Be(ConnectionStatus.RateLimited);
        tenth.ConnectionStatus.Should().Be(ConnectionStatus.Retrying);
        tenth.LastError.Should().Contain("last 10 runs");
        progressing.ConnectionStatus.Should().Be(ConnectionStatus.RateLimited, "a run that stored something is progress, whatever came before");
    }
}
