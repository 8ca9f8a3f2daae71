namespace Engage.Sdk.Data;

/// <summary>A stored account, read-only.</summary>
/// <param name="Id">The account id in Engage.</param>
/// <param name="Network">The network id.</param>
/// <param name="Handle">The handle.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="FollowersCount">Followers, when known.</param>
public sealed record AccountView(long Id, string Network, string Handle, string? DisplayName, long? FollowersCount);
