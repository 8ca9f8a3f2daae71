namespace Engage.Sdk.RateLimits;

/// <summary>
/// Decides how long a connector waits before its next request to keep within a network's rate limit, from what the
/// network reported with its last answer. The connector reads its own headers (names and reset formats differ between
/// networks) and passes the figures here; measuring against the server's own clock (its <c>Date</c> header) keeps a
/// skewed local clock from mattering.
/// </summary>
public static class RateLimitGate
{
    /// <summary>How long until the window starts again; never negative.</summary>
    /// <param name="reset">When the window starts again.</param>
    /// <param name="now">The time of the answer, preferably the server's (its <c>Date</c> header).</param>
    public static TimeSpan UntilReset(DateTimeOffset reset, DateTimeOffset now) => reset > now ? reset - now : TimeSpan.Zero;

    /// <summary>
    /// How long to wait before the next request: nothing while plenty is left; once a tenth of the limit (at least 5)
    /// is left, the time to the reset shared out over what is left, so that the requests stretch to the reset instead
    /// of running into a 429; the whole time to the reset when nothing is left; nothing once the reset has passed.
    /// </summary>
    /// <param name="limit">Requests allowed in the window.</param>
    /// <param name="remaining">Requests left in the window.</param>
    /// <param name="reset">When the window starts again.</param>
    /// <param name="now">The time of the answer, preferably the server's (its <c>Date</c> header).</param>
    public static TimeSpan DelayBeforeNext(int limit, int remaining, DateTimeOffset reset, DateTimeOffset now)
    {
        var untilReset = UntilReset(reset, now);
        if (untilReset == TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        if (remaining <= 0)
        {
            return untilReset;
        }

        var slowDownAt = Math.Max(5, limit / 10);
        return remaining > slowDownAt ? TimeSpan.Zero : untilReset / (remaining + 1);
    }
}
