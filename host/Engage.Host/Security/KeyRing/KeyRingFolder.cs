namespace Engage.Host.Security.KeyRing;

/// <summary>
/// File permissions of the key ring on Linux and macOS: the folder 0700 and every file in it 0600 (readable by the server's
/// user only). <see cref="Protect"/> creates the folder that way and corrects anything looser, saying what it changed.
/// On Windows it does nothing (the folder inherits the data folder's ACL).
/// </summary>
internal static class KeyRingFolder
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates or tightens <paramref name="folder"/> and its files; returns one line per change made.</summary>
    public static IReadOnlyList<string> Protect(string folder)
    {
        var changes = new List<string>();
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return changes;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, FolderMode);
        }

        var mode = File.GetUnixFileMode(folder);
        if (mode != FolderMode)
        {
            File.SetUnixFileMode(folder, FolderMode);
            changes.Add($"{folder}: {Octal(mode)} -> {Octal(FolderMode)}");
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var fileMode = File.GetUnixFileMode(file);
            if (fileMode != FileMode)
            {
                File.SetUnixFileMode(file, FileMode);
                changes.Add($"{Path.GetFileName(file)}: {Octal(fileMode)} -> {Octal(FileMode)}");
            }
        }

        return changes;
    }

    /// <summary>A mode as the three octal digits <c>ls</c> and <c>chmod</c> use (e.g. 0644).</summary>
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
