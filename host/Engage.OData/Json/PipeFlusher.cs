using System.IO.Pipelines;
using System.Text.Json;

namespace Engage.OData.Json;

/// <summary>
/// Flushes a <see cref="Utf8JsonWriter"/> that writes into a <see cref="PipeWriter"/> every
/// few kilobytes, so the client receives a page while it is being written and a client that
/// reads slowly holds the writer back (the pipe's back-pressure) instead of the page being buffered whole.
/// The test counts <c>BytesCommitted + BytesPending</c> since the last flush: over a pipe, the writer advances
/// the pipe and resets <c>BytesPending</c> each time it takes a new segment, so <c>BytesPending</c> alone
/// never reaches the threshold.
/// </summary>
internal sealed class PipeFlusher(Utf8JsonWriter writer, PipeWriter pipe, int threshold = PipeFlusher.DefaultThreshold)
{
    public const int DefaultThreshold = 32 * 1024;

    private long _flushedAt;

    /// <summary>Whether more than the threshold were written since the last flush.</summary>
    public bool IsDue => writer.BytesCommitted + writer.BytesPending - _flushedAt > threshold;

    /// <summary>Flushes the writer and the pipe; false when the reading side is gone (the caller stops writing).</summary>
    public async ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        writer.Flush();
        _flushedAt = writer.BytesCommitted;
        var result = await pipe.FlushAsync(cancellationToken);
        return !result.IsCompleted && !result.IsCanceled;
    }
}
