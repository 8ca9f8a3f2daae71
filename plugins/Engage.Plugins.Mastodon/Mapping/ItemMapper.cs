using System.Text.Json;
using Engage.Sdk.Items;

namespace Engage.Plugins.Mastodon.Mapping;

/// <summary>
/// Turns Mastodon's accounts and statuses into Engage items for the account <paramref name="me"/>. Ids stay the
/// instance's strings. A status the account wrote is a post (a boost takes the figures of the boosted status); a reply
/// it wrote to someone else is also an outbound interaction, so that the host can measure response times.
/// </summary>
/// <param name="me">The connection's own account id.</param>
/// <param name="instance">The instance, for the handles of its local accounts (<c>@name@host</c>).</param>
internal sealed class ItemMapper(string me, Uri instance)
{
    public string Me => me;

    public AccountItem Account(JsonElement account) => new(account.Need("id", "The account"), Handle(account))
    {
        DisplayName = DisplayName(account),
        Url = account.Str("url"),
        FollowersCount = account.Long("followers_count"),
        FollowingCount = account.Long("following_count"),
        PostsCount = account.Long("statuses_count"),
    };

    public ContactItem Contact(JsonElement account) => new(account.Need("id", "An account"), Handle(account))
    {
        DisplayName = DisplayName(account),
        Url = account.Str("url"),
        FollowersCount = account.Long("followers_count"),
    };

    /// <summary>A status of the account as a post; null for direct messages (those are conversations) and others' statuses.</summary>
    public PostItem? Post(JsonElement status)
    {
        var id = status.Need("id", "A status");
        if (status.Obj("account")?.Str("id") != me || status.Str("visibility") == "direct")
        {
            return null;
        }

        var boosted = status.Obj("reblog");
        var counted = boosted ?? status;
        return new PostItem(id, me, status.Time("created_at", $"Status {id}"))
        {
            Url = Url(status) ?? (boosted is { } b ? Url(b) : null),
            Text = HtmlText.ToPlain(counted.Str("content")),
            Kind = boosted is not null ? PostKind.Repost : status.Str("in_reply_to_id") is not null ? PostKind.Reply : PostKind.Post,
            Language = counted.Str("language"),
            Likes = counted.Long("favourites_count"),
            Comments = counted.Long("replies_count"),
            Shares = Sum(counted.Long("reblogs_count"), counted.Long("quotes_count")),
        };
    }

    /// <summary>The account's public reply to someone else as an outbound interaction, else null.</summary>
    public InteractionItem? OutboundReply(JsonElement status)
    {
        var to = status.Str("in_reply_to_account_id");
        if (status.Obj("account")?.Str("id") != me || to is null || to == me || status.Str("visibility") == "direct" || status.Obj("reblog") is not null)
        {
            return null;
        }

        return Interaction(status, InteractionKind.Reply, InteractionDirection.Outbound) with { ContactExternalId = to };
    }

    /// <summary>The contact a status replies to, from its mentions (so the contact gets a handle, not just an id).</summary>
    public ContactItem? RepliedContact(JsonElement status)
    {
        var to = status.Str("in_reply_to_account_id");
        var mention = status.Array("mentions").FirstOrDefault(m => m.Str("id") == to);
        return to is null || to == me || mention.ValueKind != JsonValueKind.Object || mention.Str("acct") is not { } acct
            ? null
            : new ContactItem(to, HandleOf(acct)) { Url = mention.Str("url") };
    }

    /// <summary>A status as an interaction of the given kind: its text, address, language and the status it answers.</summary>
    public InteractionItem Interaction(JsonElement status, InteractionKind kind, InteractionDirection direction)
    {
        var id = status.Need("id", "A status");
        return new InteractionItem(id, me, kind, direction, status.Time("created_at", $"Status {id}"))
        {
            ContactExternalId = direction == InteractionDirection.Inbound ? status.Obj("account")?.Str("id") : null,
            InReplyToExternalId = status.Str("in_reply_to_id"),
            Text = HtmlText.ToPlain(status.Str("content")),
            Url = Url(status),
            Language = status.Str("language"),
        };
    }

    public string Handle(JsonElement account) => HandleOf(account.Need("acct", "An account"));

    /// <summary><c>acct</c> is <c>name</c> for the instance's own accounts and <c>name@host</c> for remote ones.</summary>
    private string HandleOf(string acct) => acct.Contains('@', StringComparison.Ordinal) ? "@" + acct : $"@{acct}@{instance.Host}";

    private static string? DisplayName(JsonElement account) =>
        account.Str("display_name") is { Length: > 0 } name ? name : account.Str("username");

    private static string? Url(JsonElement status) => status.Str("url") ?? status.Str("uri");

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
