using System.Text.Json;
using Engage.Plugins.Mastodon.Api;
using Engage.Plugins.Mastodon.Mapping;
using Engage.Sdk.Items;

namespace Engage.Plugins.Mastodon.Sync;

/// <summary>
/// Direct-message conversations: each conversation's thread (<c>GET /api/v1/statuses/:id/context</c> of its last status:
/// ancestors, the status, descendants) as <c>Message</c> interactions of that conversation, inbound from the participants
/// and outbound from the account, each answering the status it replies to. A thread whose last status was deleted
/// meanwhile (404) keeps what the conversation itself carries.
/// </summary>
internal sealed class ConversationReader(MastodonApi api, ItemMapper items)
{
    public async Task AddAsync(SyncBatchBuilder parts, IReadOnlyList<JsonElement> conversations, CancellationToken cancellationToken)
    {
        foreach (var conversation in conversations)
        {
            var id = conversation.Need("id", "A conversation");
            var participants = conversation.Array("accounts").Where(a => a.Str("id") != items.Me).ToList();
            foreach (var participant in participants)
            {
                parts.Add(items.Contact(participant));
            }

            if (conversation.Obj("last_status") is not { } last)
            {
                continue;
            }

            var thread = new List<JsonElement>();
            try
            {
                var context = (await api.GetAsync($"/api/v1/statuses/{Uri.EscapeDataString(last.Need("id", "A status"))}/context", cancellationToken)
                    .ConfigureAwait(false)).Root;
                thread.AddRange(context.Array("ancestors"));
                thread.Add(last);
                thread.AddRange(context.Array("descendants"));
            }
            catch (MastodonNotFoundException)
            {
                thread.Add(last);
            }

            var partner = participants.FirstOrDefault().ValueKind == JsonValueKind.Object ? participants[0].Str("id") : null;
            foreach (var status in thread.Where(s => s.Str("visibility") == "direct"))
            {
                var author = status.Obj("account");
                var outbound = author?.Str("id") == items.Me;
                var message = items.Interaction(status, InteractionKind.Message, outbound ? InteractionDirection.Outbound : InteractionDirection.Inbound);
                parts.Add(message with
                {
                    ConversationExternalId = id,
                    ContactExternalId = outbound ? partner : message.ContactExternalId,
                });
                if (!outbound && author is { } a)
                {
                    parts.Add(items.Contact(a));
                }
            }
        }
    }
}
