using System.Globalization;
using System.Net.Http.Headers;
using Engage.Sdk.RateLimits;

namespace Engage.Plugins.Bluesky.Api;

/// <summary>
/// The rate limit the service reported with its last answer: <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>,
/// <c>RateLimit-Reset</c> (epoch seconds; no <c>X-</c> prefix) and <c>RateLimit-Policy</c> (<c>30;w=300</c>), measured
/// against the answer's own <c>Date</c> so that a skewed local clock does not matter.
/// </summary>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="Reset">When the window starts again.</param>
/// <param name="ServerNow">The server's time when it answered (its <c>Date</c> header), or the local time without one.</param>
/// <param name="Policy">The policy as sent, for messages.</param>
internal sealed record RateLimit(int Limit, int Remaining, DateTimeOffset Reset, DateTimeOffset ServerNow, string? Policy)
{
    /// <summary>How long until the window starts again, on the server's clock; never negative.</summary>
    public TimeSpan UntilReset => RateLimitGate.UntilReset(Reset, ServerNow);

    /// <summary>How long to wait before the next request (<see cref="RateLimitGate.DelayBeforeNext"/>).</summary>
    public TimeSpan DelayBeforeNext() => RateLimitGate.DelayBeforeNext(Limit, Remaining, Reset, ServerNow);

    /// <summary>Reads the headers of an answer; null when they are missing or unreadable.</summary>
    public static RateLimit? From(HttpResponseHeaders headers, DateTimeOffset localNow)
    {
        if (!TryLong(headers, "RateLimit-Limit", out var limit) || !TryLong(headers, "RateLimit-Remaining", out var remaining)
            || !TryLong(headers, "RateLimit-Reset", out var reset) || reset is < 0 or > 253402300799)
        {
            return null;
        }

        var policy = headers.TryGetValues("RateLimit-Policy", out var p) ? p.FirstOrDefault() : null;
        return new RateLimit((int)Math.Clamp(limit, 0, int.MaxValue), (int)Math.Clamp(remaining, 0, int.MaxValue),
            DateTimeOffset.FromUnixTimeSeconds(reset), headers.Date ?? localNow, policy);
    }

    private static bool TryLong(HttpResponseHeaders headers, string name, out long value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
