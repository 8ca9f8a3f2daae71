namespace Engage.Sdk.Items;

/// <summary>One of the workspace's own profiles on a network, as the network reports it.</summary>
/// <param name="ExternalId">The network's id of the profile (kept as a string, never parsed as a number).</param>
/// <param name="Handle">The handle, such as <c>@city@mastodon.social</c> or <c>city.bsky.social</c>.</param>
public sealed record AccountItem(string ExternalId, string Handle)
{
    /// <summary>
    /// The network of this account, for connectors that span networks (an aggregator, the demo). Null means
    /// the connector's own <see cref="Connectors.ConnectorInfo.Network"/>. Posts, interactions and daily
    /// figures take the network of their account.
    /// </summary>
    public string? Network { get; init; }

    /// <summary>The profile's display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The public address of the profile.</summary>
    public string? Url { get; init; }

    /// <summary>Followers as reported now; null when the network does not say.</summary>
    public long? FollowersCount { get; init; }

    /// <summary>Accounts followed as reported now; null when unknown.</summary>
    public long? FollowingCount { get; init; }

    /// <summary>Posts as reported now; null when unknown.</summary>
    public long? PostsCount { get; init; }
}
