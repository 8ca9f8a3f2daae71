namespace Engage.Plugins.Bluesky.Sync;

/// <summary>The steps of one sync cycle, in order; the cursor says which one comes next.</summary>
internal enum SyncPhase
{
    /// <summary>The account's profile and its followers snapshot of the day.</summary>
    Account,
    /// <summary>The author feed: the account's posts, replies and reposts, newest first.</summary>
    Feed,
    /// <summary>Notifications, newest first.</summary>
    Notifications,
    /// <summary>Followers, newest follow first.</summary>
    Followers,
}
