using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Plugins.Shared;

/// <summary>
/// An open connection to a network: pulls, publishes and replies through the connector's own puller and publisher.
/// Holds nothing that needs disposing (the HTTP client is the host's). Linked into the Mastodon and Bluesky connectors.
/// </summary>
/// <param name="pull">The puller's <c>PullAsync</c>.</param>
/// <param name="publish">The publisher's <c>PublishAsync</c>.</param>
/// <param name="reply">The publisher's <c>ReplyAsync</c>.</param>
/// <param name="malformedAnswer">
/// What went wrong when the network's answer to a post lacks what the connector needs ("Bluesky answered the post in a
/// shape the lexicon does not describe"): such a post is retried, since the same idempotency key posts nothing twice.
/// </param>
internal sealed class NetworkSession(
    Func<string?, CancellationToken, Task<SyncBatch>> pull,
    Func<PublishRequest, CancellationToken, Task<PublishResult>> publish,
    Func<ReplyRequest, CancellationToken, Task<PublishResult>> reply,
    string malformedAnswer) : IPullSession, IPublishSession, IReplySession
{
    private volatile bool _disposed;

    public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return pull(cursor, cancellationToken);
    }

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Classified(() => publish(request, cancellationToken));
    }

    public Task<PublishResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Classified(() => reply(request, cancellationToken));
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }

    private async Task<PublishResult> Classified(Func<Task<PublishResult>> post)
    {
        try
        {
            return await post().ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new PluginException($"{malformedAnswer} ({e.Message}); retrying with the same idempotency key is safe.",
                PluginFailureKind.Transient, innerException: e);
        }
    }
}
