namespace Engage.Sdk.Items;

/// <summary>What kind of interaction an item is. Stored and published as the member name.</summary>
public enum InteractionKind
{
    /// <summary>A comment on one of the account's posts.</summary>
    Comment,
    /// <summary>A reply within a thread.</summary>
    Reply,
    /// <summary>A mention of the account in someone else's content.</summary>
    Mention,
    /// <summary>A direct (private) message.</summary>
    Message,
    /// <summary>A like, favourite or other reaction.</summary>
    Reaction,
    /// <summary>A share, repost or boost of the account's content.</summary>
    Share,
    /// <summary>Someone followed the account.</summary>
    Follow,
    /// <summary>A quote of the account's content.</summary>
    Quote,
}
