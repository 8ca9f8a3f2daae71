using System.Data.Common;
using System.IO.Pipelines;
using System.Text.Json;

namespace Engage.OData.Json;

/// <summary>
/// Streams a feed or a single entity from a <see cref="DbDataReader"/> straight to the response pipe,
/// flushing every few kilobytes: memory stays constant whatever the page size.
/// </summary>
internal static class FeedWriter
{
    /// <summary>Writes up to <paramref name="rowsToWrite"/> rows; returns whether the reader had another one.</summary>
    public static Task<bool> WriteFeedAsync(
        PipeWriter pipe,
        FeedHeader header,
        EntityRowWriter rows,
        DbDataReader reader,
        int rowsToWrite,
        bool canHaveMore,
        Func<string> nextLink,
        CancellationToken cancellationToken) =>
        WriteFeedAsync(pipe, header, rows, reader, rowsToWrite, canHaveMore, null, nextLink, cancellationToken);

    /// <summary>
    /// Writes up to <paramref name="rowsToWrite"/> rows; returns whether the reader had another one. When the page is
    /// full, <paramref name="lastRowWritten"/> sees the reader on its last row (for a keyset token) before the reader
    /// moves on to the row that reveals a next page.
    /// </summary>
    public static async Task<bool> WriteFeedAsync(
        PipeWriter pipe,
        FeedHeader header,
        EntityRowWriter rows,
        DbDataReader reader,
        int rowsToWrite,
        bool canHaveMore,
        Action<DbDataReader>? lastRowWritten,
        Func<string> nextLink,
        CancellationToken cancellationToken)
    {
        using var writer = new Utf8JsonWriter(pipe, FeedHeader.WriterOptions);
        var flusher = new PipeFlusher(writer, pipe);
        header.WriteOpening(writer);
        var written = 0;
        while (written < rowsToWrite && await reader.ReadAsync(cancellationToken))
        {
            writer.WriteStartObject();
            rows.WriteProperties(reader, writer);
            writer.WriteEndObject();
            written++;
            if (written == rowsToWrite && canHaveMore)
            {
                lastRowWritten?.Invoke(reader);
            }

            if (flusher.IsDue && !await flusher.FlushAsync(cancellationToken))
            {
                // The client went away (a preview that read enough): stop quietly.
                return false;
            }
        }

        writer.WriteEndArray();
        var hasMore = canHaveMore && written == rowsToWrite && await reader.ReadAsync(cancellationToken);
        if (hasMore)
        {
            writer.WriteString(ODataJsonNames.NextLink, nextLink());
        }

        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(cancellationToken);
        return hasMore;
    }

    /// <summary>Writes the current row as a single entity with its context URL.</summary>
    public static async Task WriteEntityAsync(PipeWriter pipe, string? context, EntityRowWriter rows, DbDataReader reader, CancellationToken cancellationToken)
    {
        using var writer = new Utf8JsonWriter(pipe, FeedHeader.WriterOptions);
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString(ODataJsonNames.Context, context);
        }

        rows.WriteProperties(reader, writer);
        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(cancellationToken);
    }
}
