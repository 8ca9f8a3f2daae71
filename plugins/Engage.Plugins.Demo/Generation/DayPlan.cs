using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// Everything that starts on one day for one account: its posts with all the reactions they will get,
/// the mentions and message threads begun that day with their answers, the follows and the day's
/// figures. Items may lie up to <see cref="MaxSpreadDays"/> days after the day's start.
/// </summary>
internal sealed class DayPlan(DemoAccount account, DateOnly day)
{
    /// <summary>No item of a plan lies this many days or more after the start of its day.</summary>
    public const int MaxSpreadDays = 7;

    public DemoAccount Account { get; } = account;
    public DateOnly Day { get; } = day;
    public List<PlannedPost> Posts { get; } = [];
    public List<PlannedInteraction> Interactions { get; } = [];
    public AccountDailyStatItem? Stats { get; set; }

    /// <summary>The day's figures are final, and sent, at the end of the day.</summary>
    public DateTimeOffset StatsAt => DemoTime.Start(Day.AddDays(1));
}
