using Engage.Plugins.Demo.Content;
using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// Lets the library answer an inbound item after minutes to a day, and sometimes lets the person answer
/// back. Answers carry the conversation id of the thread and the id of the item they answer.
/// </summary>
internal static class ReplyPlanner
{
    public static void Answer(
        PlanContext context, DayPlan plan, DemoRandom random, PlannedInteraction inbound, Tone tone, double probability, List<DateTimeOffset>? times)
    {
        if (!random.Chance(probability))
        {
            return;
        }

        var item = inbound.Item;
        var isPrivate = item.Kind == InteractionKind.Message;
        var kind = isPrivate ? InteractionKind.Message : InteractionKind.Reply;
        var idBase = isPrivate ? item.ConversationExternalId! : item.ExternalId;
        var table = isPrivate ? AnswerTexts.Private : AnswerTexts.Public;
        var language = item.Language ?? Languages.DefaultLanguage;

        var answerAt = context.After(item.CreatedAt, TimeSpan.FromMinutes(random.LogUniform(5, 24 * 60)));
        var answerId = $"{idBase}-r1";
        var answer = new InteractionItem(answerId, context.Account.ExternalId, kind, InteractionDirection.Outbound, answerAt)
        {
            PostExternalId = item.PostExternalId,
            ContactExternalId = inbound.Contact.ExternalId,
            ConversationExternalId = item.ConversationExternalId,
            InReplyToExternalId = item.ExternalId,
            Text = table.Pick(language, tone, random).Text,
            Url = isPrivate ? null : UrlFor(context, item, answerId),
            Language = language,
        };
        plan.Interactions.Add(new PlannedInteraction(answer, inbound.Contact));
        times?.Add(answerAt);

        if (!random.Chance(0.35))
        {
            return;
        }

        var relieved = tone != Tone.Negative || random.Chance(0.6);
        var backAt = context.After(answerAt, TimeSpan.FromMinutes(random.LogUniform(3, 6 * 60)));
        var backId = $"{idBase}-r2";
        var back = new InteractionItem(backId, context.Account.ExternalId, kind, InteractionDirection.Inbound, backAt)
        {
            PostExternalId = item.PostExternalId,
            ContactExternalId = inbound.Contact.ExternalId,
            ConversationExternalId = item.ConversationExternalId,
            InReplyToExternalId = answerId,
            Text = AnswerTexts.FollowUps.Pick(language, relieved ? Tone.Positive : Tone.Negative, random).Text,
            Url = isPrivate ? null : UrlFor(context, item, backId),
            Language = language,
        };
        plan.Interactions.Add(new PlannedInteraction(back, inbound.Contact));
        times?.Add(backAt);
    }

    /// <summary>Public items are addressed under the post they concern, or under the mentioning post.</summary>
    public static string UrlFor(PlanContext context, InteractionItem thread, string id) =>
        thread.PostExternalId is { } post
            ? $"{context.Account.PostUrl(post)}#{id}"
            : $"{thread.Url}#{id}";
}
