using Engage.Plugins.Demo.Content;
using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>Invents posts by other people that mention the library; it answers some of them.</summary>
internal static class MentionPlanner
{
    public const double MentionsPerDay = 1.0;

    public static void Plan(PlanContext context, DayPlan plan)
    {
        var random = context.Random(PlanStream.Mentions);
        var count = random.Poisson(MentionsPerDay * context.Settings.ActivityFactor);
        for (var k = 1; k <= count; k++)
        {
            var contact = ContactPool.PickFrom(context.Contacts, random);
            var tone = (Tone)random.PickWeighted(Languages.PostTones);
            var at = context.At(6 + (random.NextDouble() * 17.5));
            var id = $"{context.Account.Prefix}-{context.DayKey}-m{k}";
            var mention = new InteractionItem(id, context.Account.ExternalId, InteractionKind.Mention, InteractionDirection.Inbound, at)
            {
                ContactExternalId = contact.ExternalId,
                ConversationExternalId = $"{id}-thread",
                Text = MentionTexts.Table.Pick(contact.Language, tone, random).Text.Replace("{handle}", context.Account.Mention, StringComparison.Ordinal),
                Url = $"{contact.Url.TrimEnd('/')}/{id}",
                Language = contact.Language,
            };
            var planned = new PlannedInteraction(mention, contact);
            plan.Interactions.Add(planned);
            var answerChance = tone switch { Tone.Negative => 0.75, Tone.Neutral => 0.6, _ => 0.25 };
            ReplyPlanner.Answer(context, plan, random, planned, tone, answerChance, times: null);
        }
    }
}
