using Engage.Plugins.Mastodon.Api;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Mastodon.Publishing;

/// <summary>
/// Posts statuses (<c>POST /api/v1/statuses</c>) with the host's idempotency key as <c>Idempotency-Key</c>: the instance
/// keeps the key for an hour and answers a repeat with the status it already created, so a retry never posts twice.
/// A reply goes to the status answered, with its visibility (a direct message stays direct) and its author mentioned,
/// as Mastodon's own clients do, so that the author is notified.
/// </summary>
internal sealed class MastodonPublisher(MastodonApi api, string me, string ownAcct)
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckAccount(request.AccountExternalId);
        var form = new List<KeyValuePair<string, string>> { new("status", request.Text), new("visibility", "public") };
        if (!string.IsNullOrWhiteSpace(request.Language))
        {
            form.Add(new("language", request.Language));
        }

        return Result(await api.PostFormAsync("/api/v1/statuses", form, request.IdempotencyKey, cancellationToken).ConfigureAwait(false));
    }

    public async Task<PublishResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckAccount(request.AccountExternalId);
        if (string.IsNullOrEmpty(request.InReplyToExternalId) || request.InReplyToExternalId.Contains(':', StringComparison.Ordinal))
        {
            throw new PluginException(
                $"'{request.InReplyToExternalId}' is not a Mastodon status: only comments, mentions, quotes and messages can be answered, not favourites, boosts or follows.",
                PluginFailureKind.Permanent);
        }

        ApiPage answered;
        try
        {
            answered = await api.GetAsync($"/api/v1/statuses/{Uri.EscapeDataString(request.InReplyToExternalId)}", cancellationToken).ConfigureAwait(false);
        }
        catch (MastodonNotFoundException)
        {
            throw new PluginException(
                $"The status {request.InReplyToExternalId} no longer exists on {api.Instance.Authority} (deleted, or not visible to this account); the reply was not sent.",
                PluginFailureKind.Permanent);
        }

        var visibility = answered.Root.Str("visibility") switch
        {
            "direct" => "direct",
            "private" => "private",
            "unlisted" => "unlisted",
            _ => "public",
        };
        if (request.ConversationExternalId is not null)
        {
            visibility = "direct";
        }

        var text = request.Text;
        var acct = answered.Root.Obj("account")?.Str("acct");
        if (acct is not null && acct != ownAcct && !text.Contains("@" + acct, StringComparison.OrdinalIgnoreCase))
        {
            text = $"@{acct} {text}";
        }

        var form = new List<KeyValuePair<string, string>>
        {
            new("status", text), new("in_reply_to_id", request.InReplyToExternalId), new("visibility", visibility),
        };
        return Result(await api.PostFormAsync("/api/v1/statuses", form, request.IdempotencyKey, cancellationToken).ConfigureAwait(false));
    }

    private void CheckAccount(string accountExternalId)
    {
        if (accountExternalId != me)
        {
            throw new PluginException(
                $"This Mastodon connection posts as account {me}, not {accountExternalId}; choose the connection of that account.", PluginFailureKind.Permanent);
        }
    }

    private static PublishResult Result(ApiPage answer) =>
        new(answer.Root.Need("id", "The created status"))
        {
            Url = answer.Root.Str("url") ?? answer.Root.Str("uri"),
            CreatedAt = answer.Root.Time("created_at", "The created status"),
        };
}
