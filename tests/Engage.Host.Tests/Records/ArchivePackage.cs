using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Engage.Host.Tests.Records;

/// <summary>An archive as a test reads it: the manifest and each file's bytes, from a zip or a folder.</summary>
internal sealed class ArchivePackage(IReadOnlyDictionary<string, byte[]> files)
{
    public static readonly string[] DataFiles = ["posts.jsonl", "interactions.jsonl", "conversations.jsonl", "contacts.jsonl", "accounts.jsonl"];

    public IReadOnlyDictionary<string, byte[]> Files { get; } = files;

    public JsonElement Manifest => JsonDocument.Parse(Files["manifest.json"]).RootElement;

    public static ArchivePackage FromZip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return new ArchivePackage(archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }));
    }

    public static ArchivePackage FromFolder(string folder) =>
        new(Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllBytes(f)));

    /// <summary>The rows of a JSON lines file.</summary>
    public IReadOnlyList<JsonElement> Rows(string file) =>
        Encoding.UTF8.GetString(Files[file]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    public JsonElement FileEntry(string file) => Manifest.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == file);

    /// <summary>Checks every manifest entry against the file: rows, bytes, SHA-256; and that nothing is missing or extra.</summary>
    public void ShouldMatchManifest()
    {
        Files.Keys.Should().BeEquivalentTo([.. DataFiles, "manifest.json"]);
        Manifest.GetProperty("files").GetArrayLength().Should().Be(DataFiles.Length);
        foreach (var file in DataFiles)
        {
            var entry = FileEntry(file);
            entry.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(Files[file])), file);
            entry.GetProperty("bytes").GetInt64().Should().Be(Files[file].LongLength, file);
            entry.GetProperty("rows").GetInt64().Should().Be(Rows(file).Count, file);
        }
    }
}
