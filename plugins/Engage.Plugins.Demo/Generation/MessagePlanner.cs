using Engage.Plugins.Demo.Content;
using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// Invents direct-message threads: a person writes (sometimes twice), the library usually answers, and
/// the person sometimes writes back. One thread is one conversation.
/// </summary>
internal static class MessagePlanner
{
    public const double ThreadsPerDay = 0.6;

    public static void Plan(PlanContext context, DayPlan plan)
    {
        var random = context.Random(PlanStream.Messages);
        var count = random.Poisson(ThreadsPerDay * context.Settings.ActivityFactor);
        for (var k = 1; k <= count; k++)
        {
            var contact = ContactPool.PickFrom(context.Contacts, random);
            var tone = (Tone)random.PickWeighted([30, 45, 25]);
            var conversation = $"{context.Account.Prefix}-{context.DayKey}-dm{k}";
            var first = Message(context, contact, $"{conversation}-m1", conversation,
                context.At(6 + (random.NextDouble() * 17.5)), MessageTexts.Table.Pick(contact.Language, tone, random).Text);
            plan.Interactions.Add(first);
            var last = first;
            if (random.Chance(0.3))
            {
                var nudgeAt = context.After(first.Item.CreatedAt, TimeSpan.FromMinutes(random.LogUniform(2, 180)));
                last = Message(context, contact, $"{conversation}-m2", conversation, nudgeAt,
                    MessageTexts.Nudges.Pick(contact.Language, Tone.Neutral, random).Text);
                plan.Interactions.Add(last);
            }

            var answerChance = tone switch { Tone.Negative => 0.95, Tone.Neutral => 0.85, _ => 0.6 };
            ReplyPlanner.Answer(context, plan, random, last, tone, answerChance, times: null);
        }
    }

    private static PlannedInteraction Message(
        PlanContext context, DemoContact contact, string id, string conversation, DateTimeOffset at, string text) =>
        new(new InteractionItem(id, context.Account.ExternalId, InteractionKind.Message, InteractionDirection.Inbound, at)
        {
            ContactExternalId = contact.ExternalId,
            ConversationExternalId = conversation,
            Text = text,
            Language = contact.Language,
        }, contact);
}
