using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// The figures of a post as the network would report them at a given moment: counts of the invented
/// comments, likes and shares so far, plus audience figures that grow with the post's age towards their
/// final value. Figures a network does not report stay null.
/// </summary>
internal static class PostFigures
{
    /// <summary>Hours after which a post has reached about 63 % of its final audience.</summary>
    private const double GrowthHours = 18;

    public static PostItem At(PlannedPost post, DemoAccount account, DateTimeOffset asOf)
    {
        var ageHours = Math.Max(0, (asOf - post.PublishedAt).TotalHours);
        var growth = 1 - Math.Exp(-ageHours / GrowthHours);
        long Grown(long final) => (long)Math.Round(final * growth);

        var comments = CountUntil(post.CommentTimes, asOf);
        var likes = CountUntil(post.ReactionTimes, asOf) + Grown(post.ExtraLikes);
        var shares = CountUntil(post.ShareTimes, asOf) + Grown(post.ExtraShares);
        if (!account.ReportsInsights)
        {
            return post.Post with { Likes = likes, Comments = comments, Shares = shares };
        }

        var saves = Grown(post.FinalSaves);
        return post.Post with
        {
            Likes = likes,
            Comments = comments,
            Shares = shares,
            Saves = saves,
            Impressions = Grown(post.FinalImpressions),
            Reach = Grown(post.FinalReach),
            VideoViews = post.Post.Kind == PostKind.Reel ? Grown(post.FinalVideoViews) : null,
            Engagements = likes + comments + shares + saves,
        };
    }

    private static long CountUntil(List<DateTimeOffset> times, DateTimeOffset asOf) => times.Count(t => t <= asOf);
}
