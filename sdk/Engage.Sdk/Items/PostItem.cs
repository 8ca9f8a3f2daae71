namespace Engage.Sdk.Items;

/// <summary>
/// Content the account published, with the figures the network reports for it. A figure the network
/// does not report stays null (unknown), never zero. Later syncs may send the same post again with
/// newer figures; the host updates it in place.
/// </summary>
/// <param name="ExternalId">The network's id of the post.</param>
/// <param name="AccountExternalId">The <see cref="AccountItem.ExternalId"/> of the account that published it.</param>
/// <param name="PublishedAt">When it was published.</param>
public sealed record PostItem(string ExternalId, string AccountExternalId, DateTimeOffset PublishedAt)
{
    /// <summary>The public address of the post.</summary>
    public string? Url { get; init; }

    /// <summary>The text as plain text (HTML converted, emoji and right-to-left text preserved exactly).</summary>
    public string? Text { get; init; }

    /// <summary>What kind of content it is.</summary>
    public PostKind Kind { get; init; } = PostKind.Post;

    /// <summary>BCP-47 language tag, when known (<c>en</c>, <c>fa</c>).</summary>
    public string? Language { get; init; }

    /// <summary>Times the post was shown.</summary>
    public long? Impressions { get; init; }

    /// <summary>Distinct people who saw the post.</summary>
    public long? Reach { get; init; }

    /// <summary>Likes, favourites and reactions.</summary>
    public long? Likes { get; init; }

    /// <summary>Comments and replies.</summary>
    public long? Comments { get; init; }

    /// <summary>Shares, reposts, boosts and quotes.</summary>
    public long? Shares { get; init; }

    /// <summary>Saves and bookmarks.</summary>
    public long? Saves { get; init; }

    /// <summary>Link clicks.</summary>
    public long? Clicks { get; init; }

    /// <summary>Video views.</summary>
    public long? VideoViews { get; init; }

    /// <summary>
    /// Engagements as the network defines them, when it reports a total; otherwise the host adds up
    /// likes, comments, shares, saves and clicks that are known.
    /// </summary>
    public long? Engagements { get; init; }
}
