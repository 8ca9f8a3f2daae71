namespace Engage.Sdk.Items;

/// <summary>
/// One inbound or outbound item: comment, reply, mention, direct message, reaction, share, follow or quote.
/// References to other items use the network's external ids; the host resolves them.
/// </summary>
/// <param name="ExternalId">The network's id of the interaction (for reactions and follows, any stable id).</param>
/// <param name="AccountExternalId">The workspace account it belongs to.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Direction">Inbound or outbound.</param>
/// <param name="CreatedAt">When it happened.</param>
public sealed record InteractionItem(
    string ExternalId,
    string AccountExternalId,
    InteractionKind Kind,
    InteractionDirection Direction,
    DateTimeOffset CreatedAt)
{
    /// <summary>The account's post it concerns, if any.</summary>
    public string? PostExternalId { get; init; }

    /// <summary>The contact who wrote it (inbound) or to whom it was addressed (outbound).</summary>
    public string? ContactExternalId { get; init; }

    /// <summary>
    /// The thread it belongs to. Interactions with the same conversation id form one row of
    /// <c>Conversations</c>; the host computes message counts and response times from them.
    /// </summary>
    public string? ConversationExternalId { get; init; }

    /// <summary>The interaction this one answers, if any.</summary>
    public string? InReplyToExternalId { get; init; }

    /// <summary>The text as plain text; null for reactions and follows.</summary>
    public string? Text { get; init; }

    /// <summary>The public address of the item, when it has one.</summary>
    public string? Url { get; init; }

    /// <summary>BCP-47 language tag, when known.</summary>
    public string? Language { get; init; }
}
