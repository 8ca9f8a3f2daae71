using System.Data.Common;
using System.IO.Pipelines;
using System.Text.Json;
using Engage.OData.Expand;
using Engage.OData.Json;
using Engage.OData.Query;
using Engage.OData.Sql;

namespace Engage.OData.Hosting;

/// <summary>
/// Answers a request with <c>$expand</c>: reads ONE page of parent rows into memory, runs one statement
/// per expanded navigation for the page's join values (all inside one read snapshot), then writes.
/// Memory is bounded by the page size and the expansion's row budget, never by the whole result.
/// </summary>
internal static class ExpandedResponseWriter
{
    /// <summary>Reads the page (and the extra row that reveals a next page), then loads its expansions.</summary>
    public static async Task<(List<object[]> Rows, bool HasMore, List<ExpandedRows> Expansions)> LoadAsync(
        DbConnection connection, DbTransaction? transaction, QueryPlan plan, long rowBudget, CancellationToken cancellationToken)
    {
        var rows = new List<object[]>();
        var hasMore = false;
        await using (var command = SqlExecutor.CreateCommand(connection, transaction, plan.Page!))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows.Count == plan.RowsToWrite)
                {
                    hasMore = plan.CanHaveMore;
                    break;
                }

                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
        }

        var expansions = await ExpandLoader.LoadAsync(connection, transaction, plan.Expands, rows, new RowBudget(rowBudget), cancellationToken);
        return (rows, hasMore, expansions);
    }

    public static async Task WriteFeedAsync(
        PipeWriter pipe, FeedHeader header, ExpandedEntityWriter entities, IReadOnlyList<object[]> rows, string? nextLink, CancellationToken cancellationToken)
    {
        using var writer = new Utf8JsonWriter(pipe, FeedHeader.WriterOptions);
        var flusher = new PipeFlusher(writer, pipe);
        header.WriteOpening(writer);
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            entities.WriteProperties(row, writer);
            writer.WriteEndObject();
            if (flusher.IsDue && !await flusher.FlushAsync(cancellationToken))
            {
                return;
            }
        }

        writer.WriteEndArray();
        if (nextLink is not null)
        {
            writer.WriteString(ODataJsonNames.NextLink, nextLink);
        }

        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(cancellationToken);
    }

    public static async Task WriteEntityAsync(PipeWriter pipe, string? context, ExpandedEntityWriter entities, object[] row, CancellationToken cancellationToken)
    {
        using var writer = new Utf8JsonWriter(pipe, FeedHeader.WriterOptions);
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString(ODataJsonNames.Context, context);
        }

        entities.WriteProperties(row, writer);
        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(cancellationToken);
    }
}
