using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Engage.Host.Privacy.Export;

/// <summary>
/// The CSV form of an export: a zip with <c>export.json</c> (the header) and one <c>Table.csv</c> per table, RFC 4180
/// (comma separated, CRLF line ends, a field quoted when it holds a comma, quote or line break, quotes doubled),
/// UTF-8 with a byte order mark so Excel shows Persian, Hebrew and emoji text as written.
/// </summary>
internal static class SubjectCsvWriter
{
    public const string ContentType = "application/zip";

    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static async Task WriteAsync(SubjectExport export, Stream stream, CancellationToken cancellationToken)
    {
        // ZipArchive in create mode writes synchronously; it goes to a buffer first so the response is written asynchronously.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var header = zip.CreateEntry("export.json", CompressionLevel.Optimal).Open())
            {
                await SubjectJsonWriter.WriteHeaderAsync(export, header, cancellationToken);
            }

            foreach (var table in export.Tables)
            {
                await using var entry = zip.CreateEntry(table.Name + ".csv", CompressionLevel.Optimal).Open();
                await using var writer = new StreamWriter(entry, Utf8WithBom);
                await writer.WriteAsync(Line(table.Columns));
                foreach (var row in table.Rows)
                {
                    await writer.WriteAsync(Line(row.Select(Format)));
                }
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(stream, cancellationToken);
    }

    /// <summary>One record, CRLF-terminated.</summary>
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Quote)) + "\r\n";

    private static string? Format(object? value) => value switch
    {
        null => null,
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
