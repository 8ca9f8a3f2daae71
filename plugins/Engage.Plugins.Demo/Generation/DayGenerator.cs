using Engage.Plugins.Demo.Settings;

namespace Engage.Plugins.Demo.Generation;

/// <summary>Invents one day of one account: a pure function of (settings, account, day).</summary>
internal sealed class DayGenerator(DemoSettings settings)
{
    private readonly ContactPool _contacts = new(settings.Seed);

    public DayPlan Plan(DemoAccount account, DateOnly day)
    {
        var context = new PlanContext(settings, account, day, _contacts.For(account));
        var plan = new DayPlan(account, day);
        PostPlanner.Plan(context, plan);
        MentionPlanner.Plan(context, plan);
        MessagePlanner.Plan(context, plan);
        FollowPlanner.Plan(context, plan);
        plan.Stats = DailyStatsPlanner.Plan(context);
        return plan;
    }
}
