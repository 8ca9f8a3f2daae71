namespace Engage.Plugins.Bluesky.Publishing;

/// <summary><c>com.atproto.repo.strongRef</c>: a record's URI and content hash.</summary>
/// <param name="Uri">The AT URI.</param>
/// <param name="Cid">The CID.</param>
internal sealed record StrongRef(string Uri, string Cid);
