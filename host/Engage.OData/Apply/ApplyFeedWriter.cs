using System.Data.Common;
using System.IO.Pipelines;
using System.Text.Json;
using Engage.OData.Json;

namespace Engage.OData.Apply;

/// <summary>Streams the aggregated rows of one page from the reader to the response, flushing every few kilobytes.</summary>
internal static class ApplyFeedWriter
{
    public static async Task WriteAsync(
        PipeWriter pipe, FeedHeader header, ApplyRowWriter rows, DbDataReader reader, ApplyPlan plan, Func<string> nextLink, CancellationToken cancellationToken)
    {
        using var writer = new Utf8JsonWriter(pipe, FeedHeader.WriterOptions);
        header.WriteOpening(writer);
        var flusher = new PipeFlusher(writer, pipe);
        var written = 0;
        while (written < plan.RowsToWrite && await reader.ReadAsync(cancellationToken))
        {
            rows.WriteRow(reader, writer);
            written++;
            if (flusher.IsDue && !await flusher.FlushAsync(cancellationToken))
            {
                return;
            }
        }

        writer.WriteEndArray();
        if (plan.CanHaveMore && written == plan.RowsToWrite && await reader.ReadAsync(cancellationToken))
        {
            writer.WriteString(ODataJsonNames.NextLink, nextLink());
        }

        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(cancellationToken);
    }
}
