namespace Engage.Sdk.Data;

/// <summary>A stored post with its latest figures, read-only. Null figures are unknown.</summary>
/// <param name="Id">The post id in Engage.</param>
/// <param name="AccountId">The account that published it.</param>
/// <param name="Network">The network id.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
/// <param name="PublishedDate">The day it was published, in the workspace's time zone.</param>
public sealed record PostView(long Id, long AccountId, string Network, DateTimeOffset PublishedAt, DateOnly PublishedDate)
{
    /// <summary>The post's kind (<c>Post</c>, <c>Reply</c>, ...).</summary>
    public string Kind { get; init; } = "Post";
    /// <summary>The text.</summary>
    public string? Text { get; init; }
    /// <summary>The public address.</summary>
    public string? Url { get; init; }
    /// <summary>Impressions.</summary>
    public long? Impressions { get; init; }
    /// <summary>Reach.</summary>
    public long? Reach { get; init; }
    /// <summary>Likes.</summary>
    public long? Likes { get; init; }
    /// <summary>Comments.</summary>
    public long? Comments { get; init; }
    /// <summary>Shares.</summary>
    public long? Shares { get; init; }
    /// <summary>Saves.</summary>
    public long? Saves { get; init; }
    /// <summary>Clicks.</summary>
    public long? Clicks { get; init; }
    /// <summary>Video views.</summary>
    public long? VideoViews { get; init; }
    /// <summary>Engagements (network total, or the sum of the known figures).</summary>
    public long? Engagements { get; init; }
}
