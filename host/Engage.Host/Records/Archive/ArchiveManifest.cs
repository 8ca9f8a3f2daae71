using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engage.Host.Records.Archive;

/// <summary>
/// <c>manifest.json</c> of an archive: which workspace and period, when and by which Engage it was made, and for each
/// JSON lines file its row count, byte size and lower-case hex SHA-256 (of the file as stored, uncompressed).
/// </summary>
internal sealed record ArchiveManifest(
    int Format,
    ArchiveManifest.WorkspaceInfo Workspace,
    ArchiveManifest.PeriodInfo Period,
    DateTimeOffset GeneratedAt,
    string EngageVersion,
    IReadOnlyList<ArchiveFile> Files)
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The archived workspace.</summary>
    internal sealed record WorkspaceInfo(long Id, string Name, string TimeZone);

    /// <summary>The period: days in the workspace's time zone, both included, and which date column decides.</summary>
    internal sealed record PeriodInfo(string From, string To, string Boundaries);

    public long Rows(string file) => Files.Single(f => f.Name == file).Rows;
}

/// <summary>One file of an archive.</summary>
internal sealed record ArchiveFile(string Name, long Rows, long Bytes, string Sha256);
