using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>An invented person or organisation on one network (the demo spans networks, so it says which).</summary>
internal sealed record DemoContact(
    int Index, string Network, string ExternalId, string Handle, string DisplayName, string Url, long Followers, bool IsCustomer, string Language)
{
    /// <summary>The day of the year (0..364) on which the contact follows the account, at most once a year.</summary>
    public int FollowSlot { get; init; }

    /// <summary>The minute of that day.</summary>
    public int FollowMinute { get; init; }

    /// <summary>
    /// The item sent to the host. Non-customers carry no flag (null), so that a person's own marking in
    /// Engage is never overwritten by a re-sync.
    /// </summary>
    public ContactItem ToItem() => new(ExternalId, Handle)
    {
        Network = Network,
        DisplayName = DisplayName,
        Url = Url,
        FollowersCount = Followers,
        IsCustomer = IsCustomer ? true : null,
    };
}
