using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.Json;
using Engage.Host.Operator;

namespace Engage.Host.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup folder: when it was made, the schema version (<c>PRAGMA user_version</c>), the
/// rows of each table and the size and SHA-256 of every file (paths relative to the backup folder, with '/').
/// </summary>
internal sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    int SchemaVersion,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    public const string DatabaseFile = "engage.db";
    public const string KeysFolder = "keys";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }

    /// <summary>Reads the manifest of <paramref name="folder"/>; an <see cref="OperatorException"/> when it is missing or unreadable.</summary>
    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new OperatorException(OperatorException.Refused, $"{folder} is not an Engage backup: it has no {FileName}. Give the folder that 'backup' printed.");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken);
            if (manifest is null || manifest.Files is null || manifest.Tables is null || manifest.Format != CurrentFormat)
            {
                throw new JsonException("not a format 1 manifest");
            }

            return manifest;
        }
        catch (JsonException e)
        {
            throw new OperatorException(OperatorException.Refused, $"{path} cannot be read ({e.Message}): the backup is damaged or was changed. Use another backup.");
        }
    }

    /// <summary>The lower-case hex SHA-256 of a file.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>One file of a backup: its path relative to the backup folder ('/' separated), size and SHA-256.</summary>
internal sealed record BackupFile(string Path, long Bytes, string Sha256);
