using System.Globalization;
using Engage.Host.Hosting;
using Engage.Host.Security.KeyRing;
using Engage.Host.Operator;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Backup;

/// <summary>
/// Makes a backup while the server may be running: the database through SQLite's online backup API (one consistent
/// snapshot; in WAL mode writers go on meanwhile), then the key ring (after the snapshot, so every key that encrypted
/// a secret in it is already on disk), then <c>manifest.json</c>. The folder is built under a hidden name and renamed
/// when complete, so a folder named <c>engage-backup-*</c> is always a whole backup.
/// </summary>
internal sealed class BackupWriter(EngagePaths paths, TimeProvider time, TextWriter output)
{
    public async Task<(string Folder, BackupManifest Manifest)> WriteAsync(string backupRoot, CancellationToken cancellationToken)
    {
        backupRoot = Path.GetFullPath(backupRoot);
        if (IsInside(backupRoot, paths.Data))
        {
            throw new OperatorException(OperatorException.Refused,
                $"The backup folder {backupRoot} is inside the data folder {paths.Data}; a backup there would be lost with the data. Give another folder with --to, or set Engage:BackupPath.");
        }

        if (!File.Exists(paths.Database))
        {
            throw new OperatorException(OperatorException.Refused,
                $"There is no database at {paths.Database}, so there is nothing to back up. Check Engage:DataPath in appsettings.json (or --Engage:DataPath=...).");
        }

        var now = time.GetUtcNow();
        var (folder, staging) = ChooseFolder(backupRoot, now);
        CreatePrivateFolder(staging);
        try
        {
            output.WriteLine($"Backing up {paths.Database} (online, consistent snapshot)...");
            var database = Path.Combine(staging, BackupManifest.DatabaseFile);
            await SnapshotAsync(database, cancellationToken);
            int schema;
            SortedDictionary<string, long> tables;
            await using (var copy = DatabaseFile.Open(database, SqliteOpenMode.ReadOnly))
            {
                await copy.OpenAsync(cancellationToken);
                if (await DatabaseFile.ProblemsAsync(copy, cancellationToken) is { Count: > 0 } problems)
                {
                    throw new OperatorException(OperatorException.Refused,
                        $"The snapshot of {paths.Database} fails its integrity check ({problems[0]}); the live database may be damaged. Keep the last good backup and check the disk.");
                }

                schema = await DatabaseFile.SchemaVersionAsync(copy, cancellationToken);
                tables = await DatabaseFile.CountRowsAsync(copy, cancellationToken);
            }

            output.WriteLine($"  database: schema version {schema}, {tables.Count} tables, {tables.Values.Sum()} rows");
            var keys = CopyKeyRing(Path.Combine(staging, BackupManifest.KeysFolder));
            output.WriteLine(keys == 0
                ? $"  key ring: none found in {paths.KeyRing} (no connector secret can have been encrypted yet)"
                : $"  key ring: {KeyRingDescription.Of(Path.Combine(staging, BackupManifest.KeysFolder)).Summary()}");

            var files = new List<BackupFile>();
            foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(staging, file).Replace(Path.DirectorySeparatorChar, '/');
                files.Add(new BackupFile(relative, new FileInfo(file).Length, await BackupManifest.HashAsync(file, cancellationToken)));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, now, schema, tables, files);
            await manifest.WriteAsync(staging, cancellationToken);
            Directory.Move(staging, folder);
            output.WriteLine($"Backup complete: {folder}");
            return (folder, manifest);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies beneath it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return full.Equals(root, comparison) || full.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }

    private async Task SnapshotAsync(string destinationPath, CancellationToken cancellationToken)
    {
        await using var source = DatabaseFile.Open(paths.Database, SqliteOpenMode.ReadWrite);
        await using var destination = DatabaseFile.Open(destinationPath, SqliteOpenMode.ReadWriteCreate);
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        await using (var busy = source.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 30000;";
            await busy.ExecuteNonQueryAsync(cancellationToken);
        }

        await Task.Run(() => source.BackupDatabase(destination), cancellationToken);

        // The copy is one self-contained file: no -wal or -shm beside it.
        await using var journal = destination.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode = DELETE;";
        await journal.ExecuteNonQueryAsync(cancellationToken);
    }

    private int CopyKeyRing(string target)
    {
        Directory.CreateDirectory(target);
        if (!Directory.Exists(paths.KeyRing))
        {
            return 0;
        }

        // Only finished key files: the key ring writes a temporary file and renames it to *.xml.
        var keys = Directory.GetFiles(paths.KeyRing, "*.xml");
        foreach (var key in keys)
        {
            File.Copy(key, Path.Combine(target, Path.GetFileName(key)));
        }

        return keys.Length;
    }

    private static (string Folder, string Staging) ChooseFolder(string backupRoot, DateTimeOffset now)
    {
        var name = "engage-backup-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "Z";
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? name : $"{name}-{n}";
            var folder = Path.Combine(backupRoot, candidate);
            var staging = Path.Combine(backupRoot, "." + candidate + ".partial");
            if (!Directory.Exists(folder) && !Directory.Exists(staging))
            {
                return (folder, staging);
            }
        }
    }

    /// <summary>A backup holds the key ring that decrypts connector secrets: on Unix only the owner may open it.</summary>
    private static void CreatePrivateFolder(string folder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void TryDelete(string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
