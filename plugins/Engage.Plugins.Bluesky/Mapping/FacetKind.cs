namespace Engage.Plugins.Bluesky.Mapping;

/// <summary>The facet features the connector reads and writes.</summary>
internal enum FacetKind
{
    /// <summary><c>app.bsky.richtext.facet#mention</c> (a DID).</summary>
    Mention,
    /// <summary><c>app.bsky.richtext.facet#link</c> (a URI).</summary>
    Link,
    /// <summary><c>app.bsky.richtext.facet#tag</c> (a hashtag without #).</summary>
    Tag,
}
