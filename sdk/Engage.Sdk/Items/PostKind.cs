namespace Engage.Sdk.Items;

/// <summary>What kind of content a post is. Stored and published as the member name.</summary>
public enum PostKind
{
    /// <summary>An ordinary post.</summary>
    Post,
    /// <summary>A reply the account published in a thread.</summary>
    Reply,
    /// <summary>A share of someone else's post (boost, retweet, repost).</summary>
    Repost,
    /// <summary>An ephemeral story.</summary>
    Story,
    /// <summary>A video post.</summary>
    Video,
    /// <summary>A short vertical video (reel, short).</summary>
    Reel,
    /// <summary>A long-form article or blog entry.</summary>
    Article,
}
