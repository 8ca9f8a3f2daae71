namespace Engage.Host.Backup;

/// <summary>
/// <c>engage.lock</c> in the data folder, held open without sharing (an OS file lock, released when the process
/// ends, even by a crash) while the server runs, so that <c>restore</c> can tell that a server is using the folder.
/// </summary>
internal sealed class DataFolderLock : IDisposable
{
    public const string FileName = "engage.lock";

    private readonly FileStream _stream;

    private DataFolderLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock; null when another process (or another server in this one) holds it.</summary>
    public static DataFolderLock? TryAcquire(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        try
        {
            return new DataFolderLock(new FileStream(Path.Combine(dataFolder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Whether something holds the lock of <paramref name="dataFolder"/> now.</summary>
    public static bool IsHeld(string dataFolder)
    {
        if (!File.Exists(Path.Combine(dataFolder, FileName)))
        {
            return false;
        }

        using var probe = TryAcquire(dataFolder);
        return probe is null;
    }

    public void Dispose() => _stream.Dispose();
}
