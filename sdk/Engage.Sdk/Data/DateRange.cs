namespace Engage.Sdk.Data;

/// <summary>An inclusive range of days in the workspace's time zone.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day (inclusive).</param>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    /// <summary>True when <paramref name="day"/> lies within the range.</summary>
    /// <param name="day">The day to test.</param>
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
