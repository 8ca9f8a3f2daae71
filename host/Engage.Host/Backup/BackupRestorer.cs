using System.Globalization;
using Engage.Host.Hosting;
using Engage.Host.Operator;
using Engage.Host.Security.KeyRing;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Backup;

/// <summary>
/// Restores a backup into the data folder: checks the backup first (every file against the manifest's SHA-256, no
/// file the manifest does not list, <c>PRAGMA integrity_check</c> and <c>foreign_key_check</c>, a schema this build
/// knows), refuses while a server holds the data folder's <see cref="DataFolderLock"/>, and refuses to replace an
/// existing data folder without <c>force</c>; with it the old folder is kept aside as <c>data.replaced-*</c>, never
/// deleted. The files are copied next to the data folder and renamed into place, so a failed copy leaves no half.
/// </summary>
internal sealed class BackupRestorer(EngagePaths paths, TimeProvider time, TextWriter output)
{
    public async Task<BackupManifest> RestoreAsync(string backupFolder, bool force, CancellationToken cancellationToken)
    {
        backupFolder = Path.GetFullPath(backupFolder);
        if (!Directory.Exists(backupFolder))
        {
            throw new OperatorException(OperatorException.Refused, $"There is no folder {backupFolder}. Give the folder that 'backup' printed.");
        }

        var manifest = await BackupManifest.ReadAsync(backupFolder, cancellationToken);
        output.WriteLine($"Checking the backup {backupFolder} (made {manifest.CreatedAt:u})...");
        await VerifyFilesAsync(backupFolder, manifest, cancellationToken);
        await VerifyDatabaseAsync(Path.Combine(backupFolder, BackupManifest.DatabaseFile), manifest, cancellationToken);
        output.WriteLine($"  {manifest.Files.Count} file(s) match their checksums; the database passes its integrity and foreign key checks");

        if (DataFolderLock.IsHeld(paths.Data))
        {
            throw new OperatorException(OperatorException.Refused,
                $"An Engage server seems to be running on {paths.Data} (it holds {Path.Combine(paths.Data, DataFolderLock.FileName)}). Stop the server, then run restore again.");
        }

        var existing = Directory.Exists(paths.Data) && Directory.EnumerateFileSystemEntries(paths.Data).Any();
        if (existing && !force)
        {
            throw new OperatorException(OperatorException.Refused,
                $"The data folder {paths.Data} already holds data; nothing was changed. Restore into an empty folder (--Engage:DataPath=...), " +
                "or add --force to keep the current folder aside as data.replaced-<time> and restore in its place.");
        }

        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "Z";
        var staging = Path.TrimEndingDirectorySeparator(paths.Data) + ".restoring-" + stamp;
        await CopyAsync(backupFolder, staging, manifest, cancellationToken);
        if (existing)
        {
            var aside = Path.TrimEndingDirectorySeparator(paths.Data) + ".replaced-" + stamp;
            Directory.Move(paths.Data, aside);
            output.WriteLine($"  the previous data folder is kept as {aside}");
        }
        else if (Directory.Exists(paths.Data))
        {
            Directory.Delete(paths.Data);
        }

        KeyRingFolder.Protect(Path.Combine(staging, BackupManifest.KeysFolder));
        Directory.Move(staging, paths.Data);
        output.WriteLine($"Restored {manifest.Tables.Values.Sum()} rows in {manifest.Tables.Count} tables (schema version {manifest.SchemaVersion}) and the key ring into {paths.Data}.");
        var keyRing = KeyRingDescription.Of(paths.KeyRing);
        output.WriteLine($"  key ring: {keyRing.Summary()}.");
        if (keyRing.Thumbprints.Count > 0)
        {
            output.WriteLine("  Before starting the server, set Engage:Security:KeyRing:CertificatePath to that certificate's PFX file and its password in the " +
                $"environment variable named by Engage:Security:KeyRing:CertificatePasswordVariable (default {KeyRingOptions.DefaultPasswordVariable}).");
        }

        output.WriteLine("Start the server as usual. The admin-key.txt file is not part of a backup: the API keys themselves are in the database.");
        return manifest;
    }

    private static async Task VerifyFilesAsync(string backupFolder, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var path = Resolve(backupFolder, file.Path);
            listed.Add(path);
            if (!File.Exists(path))
            {
                throw Damaged($"{file.Path} is missing");
            }

            if (new FileInfo(path).Length != file.Bytes || await BackupManifest.HashAsync(path, cancellationToken) != file.Sha256)
            {
                throw Damaged($"{file.Path} does not match its checksum in {BackupManifest.FileName}");
            }
        }

        if (!listed.Contains(Path.Combine(backupFolder, BackupManifest.DatabaseFile)))
        {
            throw Damaged($"{BackupManifest.FileName} lists no {BackupManifest.DatabaseFile}");
        }

        var manifestPath = Path.Combine(backupFolder, BackupManifest.FileName);
        if (Directory.EnumerateFiles(backupFolder, "*", SearchOption.AllDirectories).FirstOrDefault(f => f != manifestPath && !listed.Contains(f)) is { } extra)
        {
            throw Damaged($"{Path.GetRelativePath(backupFolder, extra)} is not listed in {BackupManifest.FileName}");
        }
    }

    private static async Task VerifyDatabaseAsync(string path, BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using var connection = DatabaseFile.Open(path, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(cancellationToken);
        if (await DatabaseFile.ProblemsAsync(connection, cancellationToken) is { Count: > 0 } problems)
        {
            throw Damaged($"its database fails the check: {problems[0]}");
        }

        var schema = await DatabaseFile.SchemaVersionAsync(connection, cancellationToken);
        if (schema != manifest.SchemaVersion)
        {
            throw Damaged($"its database is at schema version {schema} but {BackupManifest.FileName} says {manifest.SchemaVersion}");
        }

        if (schema > MigrationRunner.LatestVersion)
        {
            throw new OperatorException(OperatorException.Refused,
                $"The backup's database is at schema version {schema}, newer than this Engage build knows ({MigrationRunner.LatestVersion}). Restore it with the Engage version that made it.");
        }
    }

    private static async Task CopyAsync(string backupFolder, string staging, BackupManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in manifest.Files)
            {
                var target = Resolve(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Resolve(backupFolder, file.Path), target);
                if (await BackupManifest.HashAsync(target, cancellationToken) != file.Sha256)
                {
                    throw new OperatorException(OperatorException.Refused, $"The copy of {file.Path} in {staging} differs from the backup; check the disk, then run restore again.");
                }
            }
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    /// <summary>A manifest path as a full path inside <paramref name="folder"/>; a path that leaves the folder is refused.</summary>
    private static string Resolve(string folder, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (Path.IsPathRooted(relative) || !full.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw Damaged($"{BackupManifest.FileName} names a file outside the backup ({relative})");
        }

        return full;
    }

    private static OperatorException Damaged(string what) =>
        new(OperatorException.Refused, $"The backup is damaged or was changed: {what}. Nothing was restored; use another backup.");
}
