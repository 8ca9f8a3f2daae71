using Engage.Plugins.Bluesky.Publishing;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Plugins.Bluesky.Sync;

/// <summary>An open Bluesky connection: pulls, publishes and replies. Holds nothing that needs disposing (the HTTP client is the host's).</summary>
internal sealed class BlueskySession(BlueskyPuller puller, BlueskyPublisher publisher) : IPullSession, IPublishSession, IReplySession
{
    private volatile bool _disposed;

    public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return puller.PullAsync(cursor, cancellationToken);
    }

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Classified(() => publisher.PublishAsync(request, cancellationToken));
    }

    public Task<PublishResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Classified(() => publisher.ReplyAsync(request, cancellationToken));
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>An answer without the record's uri is retried: the same idempotency key gives the same record key, so nothing is posted twice.</summary>
    private static async Task<PublishResult> Classified(Func<Task<PublishResult>> post)
    {
        try
        {
            return await post().ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new PluginException($"Bluesky answered the post in a shape the lexicon does not describe ({e.Message}); retrying with the same idempotency key is safe.",
                PluginFailureKind.Transient, innerException: e);
        }
    }
}
