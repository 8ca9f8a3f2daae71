namespace Engage.Plugins.Demo.Generation;

/// <summary>The three profiles of the invented Riverside City Library.</summary>
internal static class DemoAccounts
{
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new()
        {
            Index = 0, Network = "mastodon", Prefix = "mst", ExternalId = "109871442376519034",
            Handle = "@library@social.riverside.example", Mention = "@library@social.riverside.example",
            DisplayName = "Riverside City Library", Url = "https://social.riverside.example/@library",
            BaseFollowers = 3100, FollowersPerDay = 3.2, FollowingCount = 184, BasePostsCount = 2410, PostsPerDay = 1.3,
            CommentsPerPost = 2.6, ReactionsPerPost = 6, SharesPerPost = 1.3, QuotesPerPost = 0.25,
            ExtraLikes = (4, 45), ReportsInsights = false, ReelShare = 0, Hashtags = "#Riverside #Library #Books",
        },
        new()
        {
            Index = 1, Network = "bluesky", Prefix = "bsky", ExternalId = "did:plc:rvsdlib4k2m7q9xw3zt5",
            Handle = "library.riverside.example", Mention = "@library.riverside.example",
            DisplayName = "Riverside City Library 📚", Url = "https://bsky.example/profile/library.riverside.example",
            BaseFollowers = 1500, FollowersPerDay = 5.1, FollowingCount = 312, BasePostsCount = 980, PostsPerDay = 1.1,
            CommentsPerPost = 2.1, ReactionsPerPost = 5, SharesPerPost = 1.1, QuotesPerPost = 0.35,
            ExtraLikes = (5, 60), ReportsInsights = false, ReelShare = 0,
        },
        new()
        {
            Index = 2, Network = "instagram", Prefix = "ig", ExternalId = "17841402263918457",
            Handle = "riversidecitylibrary", Mention = "@riversidecitylibrary",
            DisplayName = "Riverside City Library", Url = "https://instagram.example/riversidecitylibrary/",
            BaseFollowers = 7800, FollowersPerDay = 7.4, FollowingCount = 421, BasePostsCount = 1320, PostsPerDay = 0.95,
            CommentsPerPost = 4.2, ReactionsPerPost = 9, SharesPerPost = 0.7, QuotesPerPost = 0,
            ExtraLikes = (40, 260), ReportsInsights = true, ReelShare = 0.3, Hashtags = "#riversidelibrary #bookstagram #libraries",
        },
    ];
}
