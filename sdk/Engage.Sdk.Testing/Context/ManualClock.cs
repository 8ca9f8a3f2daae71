namespace Engage.Sdk.Testing.Context;

/// <summary>
/// A clock that only moves when the test says so: <see cref="TimeProvider.GetUtcNow"/> returns the set time.
/// Timers and <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> still run on real time (a connector
/// that waits for a rate-limit reset waits for real), so keep such waits short in tests.
/// </summary>
/// <param name="now">The starting time.</param>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private long _ticks = now.UtcTicks;

    /// <summary>A clock set to 1 June 2026, 08:00 UTC.</summary>
    public ManualClock()
        : this(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward.</summary>
    /// <param name="by">How far; must not be negative.</param>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <summary>Sets the clock.</summary>
    /// <param name="now">The new time.</param>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}
