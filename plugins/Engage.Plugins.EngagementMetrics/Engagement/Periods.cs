using Engage.Sdk.Metrics;

namespace Engage.Plugins.EngagementMetrics.Engagement;

/// <summary>Period arithmetic: a day, an ISO week starting on Monday, a calendar month.</summary>
internal static class Periods
{
    /// <summary>The first day of the period of kind <paramref name="period"/> that contains <paramref name="day"/>.</summary>
    public static DateOnly Start(MetricPeriod period, DateOnly day) => period switch
    {
        MetricPeriod.Day => day,
        MetricPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        MetricPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
    };

    /// <summary>The last day of the period that starts on <paramref name="start"/>.</summary>
    public static DateOnly End(MetricPeriod period, DateOnly start) => period switch
    {
        MetricPeriod.Day => start,
        MetricPeriod.Week => start.AddDays(6),
        MetricPeriod.Month => start.AddMonths(1).AddDays(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
    };
}
