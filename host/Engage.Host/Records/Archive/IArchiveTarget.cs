namespace Engage.Host.Records.Archive;

/// <summary>Where an archive's files go: a zip streamed to a client, or a folder. Files are created one after the other.</summary>
internal interface IArchiveTarget : IAsyncDisposable
{
    /// <summary>Creates the next file; the caller disposes the stream before creating another.</summary>
    Task<Stream> CreateAsync(string name, CancellationToken cancellationToken);
}
