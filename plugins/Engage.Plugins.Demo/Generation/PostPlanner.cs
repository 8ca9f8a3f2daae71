using Engage.Plugins.Demo.Content;
using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>Invents the posts of one day (fewer at weekends, published between 07:00 and 21:00 UTC).</summary>
internal static class PostPlanner
{
    public static void Plan(PlanContext context, DayPlan plan)
    {
        var random = context.Random(PlanStream.Posts);
        var account = context.Account;
        var mean = account.PostsPerDay * context.Settings.ActivityFactor * (context.IsWeekend ? 0.6 : 1.0);
        var hours = Enumerable.Range(0, random.Poisson(mean)).Select(_ => 7 + (random.NextDouble() * 14)).Order().ToArray();
        for (var n = 0; n < hours.Length; n++)
        {
            var post = Invent(context, random, $"{account.Prefix}-{context.DayKey}-p{n + 1}", context.At(hours[n]));
            PostActivityPlanner.Plan(context, plan, random, post);
            plan.Posts.Add(post);
        }
    }

    private static PlannedPost Invent(PlanContext context, DemoRandom random, string id, DateTimeOffset publishedAt)
    {
        var account = context.Account;
        var language = Languages.Tags[random.PickWeighted(Languages.Weights)];
        var tone = (Tone)random.PickWeighted(Languages.PostTones);
        var text = PostTexts.Table.Pick(language, tone, random).Text;
        if (account.Hashtags is { } tags && random.Chance(0.5) && !Languages.IsRightToLeft(language))
        {
            text += "\n\n" + tags;
        }

        var isReel = account.ReportsInsights && random.Chance(account.ReelShare);
        var likeFactor = tone switch { Tone.Positive => 1.2, Tone.Negative => 0.35, _ => 0.8 };
        var extraLikes = (long)(random.LogUniform(account.ExtraLikes.Min, account.ExtraLikes.Max) * likeFactor);
        var extraShares = (long)random.LogUniform(0.5, account.ReportsInsights ? 20 : 8);
        var impressions = account.ReportsInsights ? (long)(random.LogUniform(1_800, 6_500) * (isReel ? 2.2 : 1.0)) : 0;
        var item = new PostItem(id, account.ExternalId, publishedAt)
        {
            Url = account.PostUrl(id),
            Text = text,
            Kind = isReel ? PostKind.Reel : PostKind.Post,
            Language = language,
        };

        return new PlannedPost(item, tone)
        {
            ExtraLikes = extraLikes,
            ExtraShares = extraShares,
            FinalImpressions = impressions,
            FinalReach = (long)(impressions * (0.55 + (random.NextDouble() * 0.25))),
            FinalSaves = account.ReportsInsights ? (long)random.LogUniform(3, 45) : 0,
            FinalVideoViews = isReel ? (long)random.LogUniform(2_000, 15_000) : 0,
        };
    }
}
