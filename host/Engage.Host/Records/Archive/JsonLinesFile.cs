using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.OData.Edm;

namespace Engage.Host.Records.Archive;

/// <summary>
/// Writes the rows of a reader as JSON lines (one object per line, UTF-8, property names as in the OData model,
/// nulls written out), a chunk of about 64 KiB at a time, so memory stays flat whatever the number of rows.
/// </summary>
internal static class JsonLinesFile
{
    private const int ChunkBytes = 64 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes every row of <paramref name="reader"/> (columns in the order of <paramref name="columns"/>) and answers the row count.</summary>
    public static async Task<long> WriteAsync(
        SqliteDataReader reader, IReadOnlyList<ArchiveColumn> columns, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        await using var json = new Utf8JsonWriter(buffer, Options);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                WriteValue(json, columns[i], reader, i);
            }

            json.WriteEndObject();
            json.Flush();
            json.Reset();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            rows++;
            if (buffer.WrittenCount >= ChunkBytes)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }

        if (buffer.WrittenCount > 0)
        {
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        }

        return rows;
    }

    private static void WriteValue(Utf8JsonWriter json, ArchiveColumn column, SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNull(column.Name);
            return;
        }

        switch (column.Kind)
        {
            case EdmPrimitiveTypeKind.Int64:
                json.WriteNumber(column.Name, reader.GetInt64(ordinal));
                break;
            case EdmPrimitiveTypeKind.Double:
                json.WriteNumber(column.Name, reader.GetDouble(ordinal));
                break;
            case EdmPrimitiveTypeKind.Boolean:
                json.WriteBoolean(column.Name, reader.GetInt64(ordinal) != 0);
                break;
            default:
                json.WriteString(column.Name, reader.GetString(ordinal));
                break;
        }
    }
}

/// <summary>One column of an archive file: its name (the OData property's, or an internal column's) and value kind.</summary>
internal sealed record ArchiveColumn(string Name, EdmPrimitiveTypeKind Kind);
