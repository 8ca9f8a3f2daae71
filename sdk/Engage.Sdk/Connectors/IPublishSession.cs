namespace Engage.Sdk.Connectors;

/// <summary>Publishes new posts.</summary>
public interface IPublishSession : IConnectorSession
{
    /// <summary>
    /// Publishes one post. The host supplies an idempotency key that stays the same across retries of the
    /// same publication: pass it to the network (or derive a record key from it) so that a retry never
    /// posts twice.
    /// </summary>
    /// <param name="request">What to publish.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken);
}

/// <summary>A post to publish.</summary>
/// <param name="AccountExternalId">The account to publish as.</param>
/// <param name="Text">The text.</param>
/// <param name="IdempotencyKey">Stable across retries of the same publication.</param>
public sealed record PublishRequest(string AccountExternalId, string Text, string IdempotencyKey)
{
    /// <summary>BCP-47 language tag of the text, when known.</summary>
    public string? Language { get; init; }
}

/// <summary>What the network created.</summary>
/// <param name="ExternalId">The network's id of the new post or reply.</param>
public sealed record PublishResult(string ExternalId)
{
    /// <summary>The public address of the new item.</summary>
    public string? Url { get; init; }

    /// <summary>When the network says it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
