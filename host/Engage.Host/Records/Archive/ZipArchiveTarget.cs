using System.IO.Compression;

namespace Engage.Host.Records.Archive;

/// <summary>
/// A zip written straight to a forward-only stream (an HTTP response): each entry is compressed as it is written,
/// with no seeking and nothing kept but the central directory, so an archive of any size streams in flat memory.
/// </summary>
internal sealed class ZipArchiveTarget : IArchiveTarget
{
    private readonly AsyncWriteStream _output;
    private readonly ZipArchive _zip;
    private bool _disposed;

    private ZipArchiveTarget(AsyncWriteStream output, ZipArchive zip)
    {
        _output = output;
        _zip = zip;
    }

    public static async Task<ZipArchiveTarget> CreateAsync(Stream output, CancellationToken cancellationToken)
    {
        var buffered = new AsyncWriteStream(output);
        return new(buffered, await ZipArchive.CreateAsync(buffered, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken));
    }

    public async Task<Stream> CreateAsync(string name, CancellationToken cancellationToken)
    {
        // The previous entry's last bytes were written synchronously when it was closed: send them now.
        await _output.FlushAsync(cancellationToken);
        return await _zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _zip.DisposeAsync();
        await _output.FlushAsync(CancellationToken.None);
        await _output.DisposeAsync();
    }
}
