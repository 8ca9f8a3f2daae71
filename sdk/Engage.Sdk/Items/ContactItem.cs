namespace Engage.Sdk.Items;

/// <summary>A person or organisation met on a network.</summary>
/// <param name="ExternalId">The network's id of the contact.</param>
/// <param name="Handle">The contact's handle.</param>
public sealed record ContactItem(string ExternalId, string Handle)
{
    /// <summary>
    /// The network of this contact, for connectors that span networks. Null means the network of the
    /// account whose interaction names the contact, or else the connector's own network.
    /// </summary>
    public string? Network { get; init; }

    /// <summary>The contact's display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The public address of the contact's profile.</summary>
    public string? Url { get; init; }

    /// <summary>The contact's followers, when known.</summary>
    public long? FollowersCount { get; init; }

    /// <summary>
    /// Whether the source knows the contact to be a customer (a CRM-fed connector may). Null leaves the
    /// flag as people set it in Engage.
    /// </summary>
    public bool? IsCustomer { get; init; }
}
