namespace Engage.Plugins.Bluesky.Mapping;

/// <summary>AT URIs (<c>at://did:plc:…/app.bsky.feed.post/3kq2xyzabc22a</c>) and the web addresses of posts and profiles.</summary>
internal static class AtUri
{
    /// <summary>The record key: the last segment of the URI.</summary>
    public static string RecordKey(string uri) => uri[(uri.LastIndexOf('/') + 1)..];

    /// <summary><c>https://bsky.app/profile/{handle}/post/{rkey}</c>.</summary>
    public static string PostUrl(string handleOrDid, string uri) =>
        $"https://bsky.app/profile/{handleOrDid}/post/{RecordKey(uri)}";

    /// <summary><c>https://bsky.app/profile/{handle}</c>.</summary>
    public static string ProfileUrl(string handleOrDid) => "https://bsky.app/profile/" + handleOrDid;
}
