namespace Engage.Host.Records.Archive;

/// <summary>An archive written as plain files into one folder (the <c>archive</c> verb).</summary>
internal sealed class FolderArchiveTarget(string folder) : IArchiveTarget
{
    public Task<Stream> CreateAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
