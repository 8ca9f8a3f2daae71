using System.Globalization;
using System.Net.Http.Headers;
using Engage.Sdk.RateLimits;

namespace Engage.Plugins.Mastodon.Api;

/// <summary>
/// The rate limit the instance reported with its last answer: <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>,
/// <c>X-RateLimit-Reset</c> (an ISO 8601 time with microseconds, not epoch seconds) and the answer's own <c>Date</c>, so
/// that the wait is measured on the server's clock and a skewed local clock does not matter.
/// </summary>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="Reset">When the window starts again.</param>
/// <param name="ServerNow">The server's time when it answered (its <c>Date</c> header), or the local time without one.</param>
internal sealed record RateLimit(int Limit, int Remaining, DateTimeOffset Reset, DateTimeOffset ServerNow)
{
    /// <summary>How long until the window starts again, on the server's clock; never negative.</summary>
    public TimeSpan UntilReset => RateLimitGate.UntilReset(Reset, ServerNow);

    /// <summary>How long to wait before the next request (<see cref="RateLimitGate.DelayBeforeNext"/>).</summary>
    public TimeSpan DelayBeforeNext() => RateLimitGate.DelayBeforeNext(Limit, Remaining, Reset, ServerNow);

    /// <summary>Reads the headers of an answer; null when they are missing or unreadable.</summary>
    public static RateLimit? From(HttpResponseHeaders headers, DateTimeOffset localNow)
    {
        if (!TryInt(headers, "X-RateLimit-Limit", out var limit) || !TryInt(headers, "X-RateLimit-Remaining", out var remaining)
            || !headers.TryGetValues("X-RateLimit-Reset", out var resets)
            || !DateTimeOffset.TryParse(resets.FirstOrDefault(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var reset))
        {
            return null;
        }

        return new RateLimit(limit, remaining, reset, headers.Date ?? localNow);
    }

    private static bool TryInt(HttpResponseHeaders headers, string name, out int value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
