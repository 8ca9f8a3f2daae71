namespace Engage.Host.Sync;

/// <summary>Exponential back-off: base, 2x base, 4x base ... capped; a network's own Retry-After wins when longer.</summary>
internal sealed record Backoff(TimeSpan Base, TimeSpan Max)
{
    public TimeSpan Delay(int consecutiveFailures, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var delay = TimeSpan.FromTicks((long)Math.Min(Base.Ticks * Math.Pow(2, exponent), Max.Ticks));
        return retryAfter is { } wait && wait > delay ? wait : delay;
    }
}
