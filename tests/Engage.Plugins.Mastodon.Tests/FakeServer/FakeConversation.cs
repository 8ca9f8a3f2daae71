using System.Text.Json.Nodes;

namespace Engage.Plugins.Mastodon.Tests.FakeServer;

/// <summary>A direct-message conversation: its public id, the other participants and its thread (oldest first).</summary>
/// <param name="Id">The AccountConversation's id as the body shows it (not a paging key).</param>
/// <param name="Participants">The other participants.</param>
/// <param name="Thread">The thread's statuses, oldest first; the last one is <c>last_status</c>, whose id pages the list.</param>
internal sealed record FakeConversation(string Id, IReadOnlyList<JsonObject> Participants, List<JsonObject> Thread)
{
    public JsonObject LastStatus => Thread[^1];

    public string PagingKey => LastStatus["id"]!.GetValue<string>();

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["unread"] = true,
        ["accounts"] = new JsonArray(Participants.Select(p => (JsonNode)p.DeepClone()).ToArray()),
        ["last_status"] = LastStatus.DeepClone(),
    };
}
