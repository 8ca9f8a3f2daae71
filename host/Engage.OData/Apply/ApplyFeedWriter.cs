using System.Data.Common;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using Engage.OData.Json;

namespace Engage.OData.Apply;

/// <summary>Streams the aggregated rows of one page from the reader to the response, flushing every few kilobytes.</summary>
internal static class ApplyFeedWriter
{
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static async Task WriteAsync(
        PipeWriter pipe, FeedHeader header, ApplyRowWriter rows, DbDataReader reader, ApplyPlan plan, Func<string> nextLink, CancellationToken cancellationToken)
    {
        using var writer = new Utf8JsonWriter(pipe, Options);
        writer.WriteStartObject();
        if (header.Context is not null)
        {
            writer.WriteString(ODataJsonNames.Context, header.Context);
        }

        if (header.Count is { } count)
        {
            if (header.Ieee754Compatible)
            {
                writer.WriteString(ODataJsonNames.Count, count.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNumber(ODataJsonNames.Count, count);
            }
        }

        writer.WriteStartArray(ODataJsonNames.Value);
        var written = 0;
        long flushedAt = 0;
        while (written < plan.RowsToWrite && await reader.ReadAsync(cancellationToken))
        {
            rows.WriteRow(reader, writer);
            written++;
            // Over a PipeWriter, BytesPending resets at every new segment: count from what was committed since the last flush.
            if (writer.BytesCommitted + writer.BytesPending - flushedAt > FlushThreshold)
            {
                writer.Flush();
                flushedAt = writer.BytesCommitted;
                var result = await pipe.FlushAsync(cancellationToken);
                if (result.IsCompleted || result.IsCanceled)
                {
                    return;
                }
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
