using Engage.Plugins.Demo.Content;
using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// Invents what happens under a post: comments (some answered by the library), likes, shares and quotes
/// by people of the contact pool, spread over the days after publication.
/// </summary>
internal static class PostActivityPlanner
{
    public static void Plan(PlanContext context, DayPlan plan, DemoRandom random, PlannedPost post)
    {
        PlanComments(context, plan, random, post);
        PlanReactions(context, plan, random, post);
        PlanShares(context, plan, random, post);
    }

    private static void PlanComments(PlanContext context, DayPlan plan, DemoRandom random, PlannedPost post)
    {
        var factor = post.Tone switch { Tone.Negative => 1.7, Tone.Neutral => 1.0, _ => 0.9 };
        var count = random.Poisson(context.Account.CommentsPerPost * factor);
        for (var k = 1; k <= count; k++)
        {
            var contact = ContactPool.PickFrom(context.Contacts, random);
            var tone = ToneOfAnswerTo(post.Tone, random);
            var at = context.After(post.PublishedAt, Delay(random, meanHours: 6, maxHours: 96));
            var id = $"{post.Post.ExternalId}-c{k}";
            var comment = new InteractionItem(id, context.Account.ExternalId, InteractionKind.Comment, InteractionDirection.Inbound, at)
            {
                PostExternalId = post.Post.ExternalId,
                ContactExternalId = contact.ExternalId,
                ConversationExternalId = $"{id}-thread",
                Text = CommentTexts.Table.Pick(contact.Language, tone, random).Text,
                Url = $"{post.Post.Url}#{id}",
                Language = contact.Language,
            };
            var planned = new PlannedInteraction(comment, contact);
            plan.Interactions.Add(planned);
            post.CommentTimes.Add(at);
            var answerChance = tone switch { Tone.Negative => 0.85, Tone.Neutral => 0.7, _ => 0.3 };
            ReplyPlanner.Answer(context, plan, random, planned, tone, answerChance, post.CommentTimes);
        }
    }

    private static void PlanReactions(PlanContext context, DayPlan plan, DemoRandom random, PlannedPost post)
    {
        var factor = post.Tone switch { Tone.Positive => 1.2, Tone.Negative => 0.4, _ => 0.8 };
        foreach (var contact in Distinct(context, random, random.Poisson(context.Account.ReactionsPerPost * factor)))
        {
            var at = context.After(post.PublishedAt, Delay(random, meanHours: 5, maxHours: 72));
            var item = new InteractionItem(
                $"{post.Post.ExternalId}-like-{contact.Index:000}", context.Account.ExternalId, InteractionKind.Reaction, InteractionDirection.Inbound, at)
            {
                PostExternalId = post.Post.ExternalId,
                ContactExternalId = contact.ExternalId,
            };
            plan.Interactions.Add(new PlannedInteraction(item, contact));
            post.ReactionTimes.Add(at);
        }
    }

    private static void PlanShares(PlanContext context, DayPlan plan, DemoRandom random, PlannedPost post)
    {
        var factor = post.Tone == Tone.Negative ? 0.5 : 1.0;
        foreach (var contact in Distinct(context, random, random.Poisson(context.Account.SharesPerPost * factor)))
        {
            var at = context.After(post.PublishedAt, Delay(random, meanHours: 4, maxHours: 72));
            var item = new InteractionItem(
                $"{post.Post.ExternalId}-share-{contact.Index:000}", context.Account.ExternalId, InteractionKind.Share, InteractionDirection.Inbound, at)
            {
                PostExternalId = post.Post.ExternalId,
                ContactExternalId = contact.ExternalId,
            };
            plan.Interactions.Add(new PlannedInteraction(item, contact));
            post.ShareTimes.Add(at);
        }

        var quotes = random.Poisson(context.Account.QuotesPerPost);
        for (var k = 1; k <= quotes; k++)
        {
            var contact = ContactPool.PickFrom(context.Contacts, random);
            var at = context.After(post.PublishedAt, Delay(random, meanHours: 8, maxHours: 72));
            var id = $"{post.Post.ExternalId}-quote-{k}";
            var item = new InteractionItem(id, context.Account.ExternalId, InteractionKind.Quote, InteractionDirection.Inbound, at)
            {
                PostExternalId = post.Post.ExternalId,
                ContactExternalId = contact.ExternalId,
                Text = MentionTexts.Quotes.Pick(contact.Language, ToneOfAnswerTo(post.Tone, random), random).Text,
                Url = $"{contact.Url.TrimEnd('/')}/{id}",
                Language = contact.Language,
            };
            plan.Interactions.Add(new PlannedInteraction(item, contact));
            post.ShareTimes.Add(at);
        }
    }

    /// <summary>People mostly answer in the tone of the post.</summary>
    public static Tone ToneOfAnswerTo(Tone post, DemoRandom random) => post switch
    {
        Tone.Positive => (Tone)random.PickWeighted([65, 30, 5]),
        Tone.Neutral => (Tone)random.PickWeighted([35, 50, 15]),
        _ => (Tone)random.PickWeighted([10, 30, 60]),
    };

    private static TimeSpan Delay(DemoRandom random, double meanHours, double maxHours) =>
        TimeSpan.FromHours(Math.Min(maxHours, 0.02 + random.Exponential(meanHours)));

    private static IEnumerable<DemoContact> Distinct(PlanContext context, DemoRandom random, int count)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            var contact = ContactPool.PickFrom(context.Contacts, random);
            if (seen.Add(contact.Index))
            {
                yield return contact;
            }
        }
    }
}
