namespace Engage.Sdk.Connectors;

/// <summary>Replies to interactions.</summary>
public interface IReplySession : IConnectorSession
{
    /// <summary>Replies to one interaction, retry-safe through the host's idempotency key.</summary>
    /// <param name="request">What to reply to, and with what.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    Task<PublishResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken);
}

/// <summary>A reply to send.</summary>
/// <param name="AccountExternalId">The account to reply as.</param>
/// <param name="InReplyToExternalId">The external id of the interaction (or post) answered.</param>
/// <param name="Text">The text.</param>
/// <param name="IdempotencyKey">Stable across retries of the same reply.</param>
public sealed record ReplyRequest(string AccountExternalId, string InReplyToExternalId, string Text, string IdempotencyKey)
{
    /// <summary>The conversation the reply belongs to, when the network needs it (direct messages).</summary>
    public string? ConversationExternalId { get; init; }
}
