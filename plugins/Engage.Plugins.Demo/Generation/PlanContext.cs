using System.Globalization;
using Engage.Plugins.Demo.Settings;

namespace Engage.Plugins.Demo.Generation;

/// <summary>What a planner needs to invent one day of one account.</summary>
internal sealed record PlanContext(DemoSettings Settings, DemoAccount Account, DateOnly Day, IReadOnlyList<DemoContact> Contacts)
{
    public DateTimeOffset DayStart { get; } = DemoTime.Start(Day);

    /// <summary>The day as it appears in external ids (<c>20250301</c>).</summary>
    public string DayKey { get; } = Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The latest moment an item of this plan may have.</summary>
    public DateTimeOffset Horizon => DayStart.AddDays(DayPlan.MaxSpreadDays).AddMinutes(-1);

    public bool IsWeekend => Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public DemoRandom Random(PlanStream stream) =>
        DemoRandom.For(Settings.Seed, Account.Index, Day.DayNumber, ((long)stream * 8) + (long)Settings.Activity);

    /// <summary>A moment of the day, <paramref name="hours"/> after midnight, rounded to the second.</summary>
    public DateTimeOffset At(double hours) => Round(DayStart.AddHours(hours));

    /// <summary>A moment after <paramref name="from"/>, kept within the plan's horizon and rounded to the second.</summary>
    public DateTimeOffset After(DateTimeOffset from, TimeSpan delay)
    {
        var at = Round(from + delay);
        return at <= from ? from.AddSeconds(1) : at > Horizon ? Horizon : at;
    }

    private static DateTimeOffset Round(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
