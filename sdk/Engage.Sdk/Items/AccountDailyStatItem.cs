namespace Engage.Sdk.Items;

/// <summary>An account's network-reported figures for one day. Null figures are unknown.</summary>
/// <param name="AccountExternalId">The account the figures belong to.</param>
/// <param name="Date">The day, in the network's reporting time zone.</param>
public sealed record AccountDailyStatItem(string AccountExternalId, DateOnly Date)
{
    /// <summary>Followers at the end of the day.</summary>
    public long? Followers { get; init; }
    /// <summary>Followers gained that day.</summary>
    public long? FollowersGained { get; init; }
    /// <summary>Followers lost that day.</summary>
    public long? FollowersLost { get; init; }
    /// <summary>Impressions that day.</summary>
    public long? Impressions { get; init; }
    /// <summary>Reach that day.</summary>
    public long? Reach { get; init; }
    /// <summary>Profile visits that day.</summary>
    public long? ProfileVisits { get; init; }
    /// <summary>Page views that day.</summary>
    public long? PageViews { get; init; }
    /// <summary>Website clicks that day.</summary>
    public long? WebsiteClicks { get; init; }
}
