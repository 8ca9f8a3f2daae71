using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Engage.OData.Binding;
using Engage.OData.Expand;
using Engage.OData.Hosting;
using Engage.OData.Json;
using Engage.OData.Sql;
using Engage.OData.Tests.Sql;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Tests.Json;

/// <summary>
/// The writers flush inside a page: over a pipe whose reader has not read yet, the reader receives the first
/// rows long before the page ends and the writer waits for it (back-pressure) instead of buffering the page.
/// </summary>
public sealed class FeedWriterFlushTests : IDisposable
{
    private const int Rows = 20_000;
    private const long PauseThreshold = 64 * 1024;
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public FeedWriterFlushTests()
    {
        SQLitePCL.Batteries_V2.Init();
        _connection.Open();
    }

    [Fact]
    public async Task WriteFeedAsync_PageLargerThanThePipe_ReaderGetsRowsBeforeThePageEnds()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PauseThreshold, resumeWriterThreshold: PauseThreshold / 2));
        await using var command = _connection.CreateCommand();
        command.CommandText = $"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {Rows}) SELECT x, 'product ' || x || ' {new string('x', 80)}' FROM n";
        await using var reader = await command.ExecuteReaderAsync();

        var writing = CompleteAfterAsync(pipe, FeedWriter.WriteFeedAsync(
            pipe.Writer, new FeedHeader(null, null, false), RowWriter(), reader, Rows, canHaveMore: false, () => "unused", CancellationToken.None));

        await AssertStreamsAsync(pipe, writing);
    }

    [Fact]
    public async Task ExpandedWriteFeedAsync_PageLargerThanThePipe_ReaderGetsRowsBeforeThePageEnds()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PauseThreshold, resumeWriterThreshold: PauseThreshold / 2));
        var rows = Enumerable.Range(1, Rows).Select(i => new object[] { (long)i, $"product {i} {new string('x', 80)}" }).ToList();
        var entities = new ExpandedEntityWriter(RowWriter(), 2, [], _ => throw new InvalidOperationException("nothing is expanded"), false);

        var writing = CompleteAfterAsync(
            pipe, ExpandedResponseWriter.WriteFeedAsync(pipe.Writer, new FeedHeader(null, null, false), entities, rows, null, CancellationToken.None));

        await AssertStreamsAsync(pipe, writing);
    }

    public void Dispose() => _connection.Dispose();

    private static async Task AssertStreamsAsync(Pipe pipe, Task writing)
    {
        var first = await pipe.Reader.ReadAsync();
        var firstLength = first.Buffer.Length;

        // Nothing has been consumed yet: a writer that flushes is now waiting for the reader; one that buffers
        // has already put the whole page (about 2 MB) into the pipe before the reader saw a byte.
        firstLength.Should().BeLessThan(PauseThreshold * 4, "the reader must see the first rows before the page is complete");
        writing.IsCompleted.Should().BeFalse("the writer must wait for a reader that has not read");

        var body = new MemoryStream();
        var reads = 0;
        var result = first;
        while (true)
        {
            foreach (var segment in result.Buffer)
            {
                body.Write(segment.Span);
            }

            reads++;
            pipe.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }

            result = await pipe.Reader.ReadAsync();
        }

        await writing;
        reads.Should().BeGreaterThan(10);
        using var document = JsonDocument.Parse(body.ToArray());
        var values = document.RootElement.GetProperty("value");
        values.GetArrayLength().Should().Be(Rows);
        values[Rows - 1].GetProperty("Id").GetInt64().Should().Be(Rows);
        Encoding.UTF8.GetString(body.ToArray(), 0, 20).Should().StartWith("{\"value\":[{\"Id\":1,");
    }

    private static async Task CompleteAfterAsync(Pipe pipe, Task writing)
    {
        await writing;
        await pipe.Writer.CompleteAsync();
    }

    private static EntityRowWriter RowWriter()
    {
        var orders = PlanHelper.Service.EntitySets.Single(s => s.Name == "Orders");
        var product = orders.Properties.Single(p => p.Name == "Product");
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("host");
        return new EntityRowWriter(
            orders, [(orders.Key, 0), (product, 1)], 0, ODataJsonFormat.Default, false, ServiceUrls.From(context.Request, "odata"), SqliteDialect.Instance);
    }
}
