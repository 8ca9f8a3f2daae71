namespace Engage.Sdk.Data;

/// <summary>A stored conversation, read-only.</summary>
/// <param name="Id">The conversation id in Engage.</param>
/// <param name="AccountId">The account.</param>
/// <param name="Network">The network id.</param>
/// <param name="StartedAt">The first message.</param>
/// <param name="LastActivityAt">The latest message.</param>
/// <param name="MessagesIn">Inbound messages.</param>
/// <param name="MessagesOut">Outbound messages.</param>
public sealed record ConversationView(
    long Id, long AccountId, string Network, DateTimeOffset StartedAt, DateTimeOffset LastActivityAt, long MessagesIn, long MessagesOut)
{
    /// <summary>The contact.</summary>
    public long? ContactId { get; init; }
    /// <summary>Seconds from the first inbound message to the first answer, when answered.</summary>
    public long? FirstResponseSeconds { get; init; }
}
