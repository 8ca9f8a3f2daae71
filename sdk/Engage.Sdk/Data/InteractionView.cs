namespace Engage.Sdk.Data;

/// <summary>A stored interaction, read-only.</summary>
/// <param name="Id">The interaction id in Engage.</param>
/// <param name="AccountId">The account it belongs to.</param>
/// <param name="Network">The network id.</param>
/// <param name="Kind">The kind (<c>Comment</c>, <c>Message</c>, ...).</param>
/// <param name="Direction"><c>Inbound</c> or <c>Outbound</c>.</param>
/// <param name="CreatedAt">When it happened (UTC).</param>
/// <param name="CreatedDate">The day it happened, in the workspace's time zone.</param>
public sealed record InteractionView(
    long Id, long AccountId, string Network, string Kind, string Direction, DateTimeOffset CreatedAt, DateOnly CreatedDate)
{
    /// <summary>The post it concerns.</summary>
    public long? PostId { get; init; }
    /// <summary>The contact involved.</summary>
    public long? ContactId { get; init; }
    /// <summary>The conversation it belongs to.</summary>
    public long? ConversationId { get; init; }
    /// <summary>The text (null once erased or purged).</summary>
    public string? Text { get; init; }
    /// <summary>The language tag.</summary>
    public string? Language { get; init; }
    /// <summary><c>Positive</c>, <c>Neutral</c>, <c>Negative</c>, or null when not scored.</summary>
    public string? Sentiment { get; init; }
    /// <summary>The triage status.</summary>
    public string Status { get; init; } = "New";
    /// <summary>Seconds until the account responded, when it did.</summary>
    public long? ResponseSeconds { get; init; }
}
