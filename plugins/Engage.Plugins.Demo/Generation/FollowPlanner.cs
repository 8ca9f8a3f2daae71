using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// Each contact of the pool follows the account on one fixed day of the year, so nobody follows twice
/// within a year of history.
/// </summary>
internal static class FollowPlanner
{
    public static void Plan(PlanContext context, DayPlan plan)
    {
        var slot = context.Day.DayNumber % 365;
        foreach (var contact in context.Contacts)
        {
            if (contact.FollowSlot != slot)
            {
                continue;
            }

            var at = context.At(contact.FollowMinute / 60.0);
            var item = new InteractionItem(
                $"{context.Account.Prefix}-{context.DayKey}-follow-{contact.Index:000}",
                context.Account.ExternalId, InteractionKind.Follow, InteractionDirection.Inbound, at)
            {
                ContactExternalId = contact.ExternalId,
            };
            plan.Interactions.Add(new PlannedInteraction(item, contact));
        }
    }
}
