namespace Engage.Plugins.Mastodon.Sync;

/// <summary>The steps of one sync cycle, in order; the cursor says which one comes next.</summary>
internal enum SyncPhase
{
    /// <summary>The account and its followers snapshot of the day.</summary>
    Account,
    /// <summary>The account's posts of the last 7 days again (at most 5 pages), so that recent posts' counts stay current.</summary>
    RefreshStatuses,
    /// <summary>The account's statuses: all of them the first time (walking back), then those newer than the newest seen (<c>min_id</c>).</summary>
    Statuses,
    /// <summary>Notifications, the same way.</summary>
    Notifications,
    /// <summary>Direct-message conversations with their threads, following the Link header both ways.</summary>
    Conversations,
    /// <summary>Followers, following the Link header both ways.</summary>
    Followers,
}
