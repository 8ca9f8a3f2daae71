using System.Globalization;

namespace Engage.Host.Sync;

/// <summary>
/// What a run the network rate-limited means for its connection: a pause, not a failure. The run keeps what it committed,
/// the connection shows <see cref="ConnectionStatus.RateLimited"/> (no error) and is due again at the network's reset
/// (<c>RetryAfter</c> clamped to <see cref="MinWait"/>..<see cref="MaxWait"/>; without one, the usual back-off), and its
/// <c>ConsecutiveFailures</c> stays as it was. Only <see cref="EscalateAfter"/> rate-limited runs in a row that stored nothing
/// turn it into <see cref="ConnectionStatus.Retrying"/> with a message, so a connector throttled on every run is seen.
/// </summary>
internal sealed class RateLimitPolicy(Backoff backoff)
{
    /// <summary>The shortest pause: a reset "now" or in the past still waits this long.</summary>
    public static readonly TimeSpan MinWait = TimeSpan.FromSeconds(5);

    /// <summary>The longest pause: a reset further away (or a wrong one) is tried again after this.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(24);

    /// <summary>Rate-limited runs in a row, none storing anything, after which the connection shows Retrying.</summary>
    public const int EscalateAfter = 10;

    /// <summary>The outcome of a run that ended rate limited after committing <paramref name="progress"/>.</summary>
    /// <param name="record">The connection as the run read it.</param>
    /// <param name="reason">The connector's message (already trimmed).</param>
    /// <param name="retryAfter">The wait the connector reported, if any.</param>
    /// <param name="progress">What this run committed.</param>
    /// <param name="previousStreak">Rate-limited runs in a row before this one that stored nothing.</param>
    /// <param name="now">The current time.</param>
    public RunOutcome Outcome(
        ConnectionRecord record, string reason, TimeSpan? retryAfter, RunProgress progress, int previousStreak, DateTimeOffset now)
    {
        var streak = progress.Fetched > 0 ? 0 : previousStreak + 1;
        var next = now + (retryAfter is { } wait ? Clamp(wait) : backoff.Delay(Math.Max(streak, 1)));
        var at = next.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var said = reason.TrimEnd().TrimEnd('.');
        if (streak >= EscalateAfter)
        {
            return new RunOutcome(RunStatus.RateLimited, ConnectionStatus.Retrying,
                $"The network rate-limited the last {streak} runs of this connection and none of them stored anything (latest: {said}). " +
                "Check that no other client uses the same credentials and that the account's limits on the network suit this connector " +
                $"and its settings (interval, what it reads); Engage tries again at {at}.",
                next, record.ConsecutiveFailures);
        }

        var kept = progress.Batches == 0
            ? "Nothing was stored before the limit"
            : $"Kept what it stored before the limit: {Count(progress.Fetched, "item")} in {Count(progress.Batches, "batch")}";
        var when = retryAfter is null
            ? $"the network gave no reset time, so the next run follows the back-off at {at}"
            : $"the next run starts at the network's reset, {at}";
        return new RunOutcome(RunStatus.RateLimited, ConnectionStatus.RateLimited,
            $"Rate limited (not an error): {said}. {kept}; {when}, from the stored cursor.", next, record.ConsecutiveFailures);
    }

    private static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun.EndsWith('h') ? noun + "es" : noun + "s");

    private static TimeSpan Clamp(TimeSpan wait) => wait < MinWait ? MinWait : wait > MaxWait ? MaxWait : wait;
}
