namespace Engage.Sdk.Data;

/// <summary>A stored day of network-reported account figures, read-only.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Network">The network id.</param>
/// <param name="Date">The day.</param>
public sealed record AccountDailyStatView(long AccountId, string Network, DateOnly Date)
{
    /// <summary>Followers at the end of the day.</summary>
    public long? Followers { get; init; }
    /// <summary>Followers gained.</summary>
    public long? FollowersGained { get; init; }
    /// <summary>Followers lost.</summary>
    public long? FollowersLost { get; init; }
    /// <summary>Impressions.</summary>
    public long? Impressions { get; init; }
    /// <summary>Reach.</summary>
    public long? Reach { get; init; }
    /// <summary>Profile visits.</summary>
    public long? ProfileVisits { get; init; }
    /// <summary>Page views.</summary>
    public long? PageViews { get; init; }
    /// <summary>Website clicks.</summary>
    public long? WebsiteClicks { get; init; }
}
