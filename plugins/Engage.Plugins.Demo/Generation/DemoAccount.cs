using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>One of the invented library's profiles, and how its network behaves.</summary>
internal sealed record DemoAccount
{
    /// <summary>Position in <see cref="DemoAccounts.All"/>; part of every random seed.</summary>
    public required int Index { get; init; }
    public required string Network { get; init; }
    /// <summary>Short prefix of the external ids the demo invents (<c>mst</c>).</summary>
    public required string Prefix { get; init; }
    public required string ExternalId { get; init; }
    public required string Handle { get; init; }
    /// <summary>How people mention the account in a text.</summary>
    public required string Mention { get; init; }
    public required string DisplayName { get; init; }
    public required string Url { get; init; }
    /// <summary>Followers on <see cref="DemoTime.Epoch"/>.</summary>
    public required long BaseFollowers { get; init; }
    public required double FollowersPerDay { get; init; }
    public required long FollowingCount { get; init; }
    /// <summary>Posts published before <see cref="DemoTime.Epoch"/>.</summary>
    public required long BasePostsCount { get; init; }
    /// <summary>Mean posts per weekday at normal activity.</summary>
    public required double PostsPerDay { get; init; }
    public required double CommentsPerPost { get; init; }
    public required double ReactionsPerPost { get; init; }
    public required double SharesPerPost { get; init; }
    public required double QuotesPerPost { get; init; }
    /// <summary>Likes from people outside the contact pool: range of the final figure.</summary>
    public required (double Min, double Max) ExtraLikes { get; init; }
    /// <summary>True when the network reports impressions, reach, saves and an engagement total (Instagram).</summary>
    public required bool ReportsInsights { get; init; }
    /// <summary>Share of posts that are short videos (<see cref="PostKind.Reel"/>).</summary>
    public required double ReelShare { get; init; }
    /// <summary>Hashtags appended to some posts.</summary>
    public string? Hashtags { get; init; }

    public string PostUrl(string postId) => Network switch
    {
        "bluesky" => $"https://bsky.example/profile/{Handle}/post/{postId}",
        "instagram" => $"https://instagram.example/p/{postId}/",
        _ => $"{Url}/{postId}",
    };

    public AccountItem ToItem(long followers, long postsCount) => new(ExternalId, Handle)
    {
        Network = Network,
        DisplayName = DisplayName,
        Url = Url,
        FollowersCount = followers,
        FollowingCount = FollowingCount,
        PostsCount = postsCount,
    };
}
