using System.Text.Json;
using Engage.Sdk.Items;

namespace Engage.Plugins.Bluesky.Mapping;

/// <summary>
/// Turns AT Protocol views into Engage items for the account <paramref name="me"/> (its DID). Posts and interactions keep
/// their AT URIs as ids; contacts and the account their DIDs. A post's text is the record's text exactly as sent; a
/// count the AppView left out stays unknown (null), never 0. A reply the account wrote to someone else is also an
/// outbound interaction, so that the host can measure response times.
/// </summary>
/// <param name="me">The account's DID.</param>
/// <param name="handle">The account's handle, for its posts' web addresses.</param>
internal sealed class ItemMapper(string me, string handle)
{
    public string Me => me;

    public AccountItem Account(JsonElement profile) => new(profile.Need("did", "The profile"), "@" + profile.Need("handle", "The profile"))
    {
        DisplayName = DisplayName(profile),
        Url = AtUri.ProfileUrl(profile.Need("handle", "The profile")),
        FollowersCount = profile.Long("followersCount"),
        FollowingCount = profile.Long("followsCount"),
        PostsCount = profile.Long("postsCount"),
    };

    public ContactItem Contact(JsonElement profile) => new(profile.Need("did", "A profile"), "@" + profile.Need("handle", "A profile"))
    {
        DisplayName = DisplayName(profile),
        Url = AtUri.ProfileUrl(profile.Need("handle", "A profile")),
        FollowersCount = profile.Long("followersCount"),
    };

    /// <summary>
    /// A feed entry as a post of the account. A repost by the account (<c>reason</c> <c>#reasonRepost</c>; <c>post.author</c> is
    /// the original author) is a <see cref="PostKind.Repost"/> under the repost record's URI, with the original text and
    /// address but no counts: the likes of someone else's post are not the account's. Others' posts are null.
    /// </summary>
    public PostItem? Post(JsonElement entry)
    {
        var post = entry.Obj("post") ?? throw new FormatException("A feed entry has no 'post'");
        var uri = post.Need("uri", "A post");
        var record = post.Obj("record") ?? throw new FormatException($"Post {uri} has no 'record'");
        var author = post.Obj("author") ?? throw new FormatException($"Post {uri} has no 'author'");
        if (entry.Obj("reason") is { } reason && reason.Str("$type") == "app.bsky.feed.defs#reasonRepost")
        {
            if (reason.Obj("by")?.Str("did") != me)
            {
                return null;
            }

            return new PostItem(reason.Str("uri") ?? "repost:" + uri, me, reason.Time("indexedAt", $"The repost of {uri}"))
            {
                Url = AtUri.PostUrl(author.Str("handle") ?? author.Need("did", "An author"), uri),
                Text = record.Str("text"),
                Kind = PostKind.Repost,
                Language = Language(record),
            };
        }

        if (author.Str("did") != me)
        {
            return null;
        }

        return new PostItem(uri, me, Created(record, post, uri))
        {
            Url = AtUri.PostUrl(handle, uri),
            Text = record.Str("text"),
            Kind = record.Obj("reply") is not null ? PostKind.Reply : PostKind.Post,
            Language = Language(record),
            Likes = post.Long("likeCount"),
            Comments = post.Long("replyCount"),
            Shares = Sum(post.Long("repostCount"), post.Long("quoteCount")),
        };
    }

    /// <summary>The account's reply to someone else's post as an outbound interaction, else null.</summary>
    public (InteractionItem Reply, ContactItem To)? OutboundReply(JsonElement entry)
    {
        var post = entry.Obj("post")!.Value;
        var parent = entry.Obj("reply")?.Obj("parent");
        if (entry.Obj("reason") is not null || post.Obj("author")?.Str("did") != me || parent is not { } p
            || p.Str("$type") is not (null or "app.bsky.feed.defs#postView") || p.Obj("author") is not { } to || to.Str("did") == me)
        {
            return null;
        }

        var reply = Interaction(post, InteractionKind.Reply, InteractionDirection.Outbound) with
        {
            ContactExternalId = to.Need("did", "An author"),
        };
        return (reply, Contact(to));
    }

    /// <summary>The accounts a post of the account mentions (mention facets: the DID and the @handle cut from the text by bytes).</summary>
    public IEnumerable<ContactItem> Mentioned(JsonElement entry)
    {
        var record = entry.Obj("post")?.Obj("record");
        if (entry.Obj("reason") is not null || record is null)
        {
            return [];
        }

        return Facets.Read(record.Value).Where(f => f.Kind == FacetKind.Mention && f.Text.StartsWith('@') && f.Value != me)
            .Select(f => new ContactItem(f.Value, f.Text) { Url = AtUri.ProfileUrl(f.Value) });
    }

    /// <summary>A post view (or a notification, which carries the same uri/author/record) as an interaction.</summary>
    public InteractionItem Interaction(JsonElement post, InteractionKind kind, InteractionDirection direction)
    {
        var uri = post.Need("uri", "A post");
        var record = post.Obj("record") ?? throw new FormatException($"Post {uri} has no 'record'");
        var author = post.Obj("author") ?? throw new FormatException($"Post {uri} has no 'author'");
        return new InteractionItem(uri, me, kind, direction, Created(record, post, uri))
        {
            ContactExternalId = direction == InteractionDirection.Inbound ? author.Need("did", "An author") : null,
            InReplyToExternalId = record.Obj("reply")?.Obj("parent")?.Str("uri"),
            Text = record.Str("text"),
            Url = AtUri.PostUrl(author.Str("handle") ?? author.Need("did", "An author"), uri),
            Language = Language(record),
        };
    }

    /// <summary>The record's own <c>createdAt</c>; the service's <c>indexedAt</c> when that is missing or unreadable.</summary>
    private static DateTimeOffset Created(JsonElement record, JsonElement view, string uri) =>
        Json.TryTime(record.Str("createdAt"), out var at) ? at : view.Time("indexedAt", $"Post {uri}");

    private static string? Language(JsonElement record) =>
        record.Array("langs").Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()).FirstOrDefault();

    private static string? DisplayName(JsonElement profile) =>
        profile.Str("displayName") is { Length: > 0 } name ? name : null;

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
