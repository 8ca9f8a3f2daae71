using System.Globalization;
using Engage.OData.Paging;
using Engage.OData.Query;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Paging;

/// <summary>
/// Rows inserted or deleted between two pages: a keyset next page starts right after the last row the client
/// saw, so unchanged rows are neither skipped (as OFFSET does when earlier rows are deleted) nor repeated (as
/// OFFSET does when earlier rows are inserted). Each test has its own database, which it changes.
/// </summary>
public sealed class KeysetConsistencyTests : IAsyncLifetime
{
    private static readonly (string, string)[] Pages = [("Prefer", "odata.maxpagesize=50")];
    private readonly TestDatabase _database = new();
    private ODataTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ODataTestServer.StartAsync(_database);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _database.Dispose();
    }

    [Theory]
    [InlineData("Quantity desc,Note")]
    [InlineData("Price,Product desc")]
    [InlineData("Id")]
    public async Task NextLinks_RowsInsertedAndDeletedBetweenPages_NeitherSkipNorRepeatUnchangedRows(string orderBy)
    {
        var keys = KeysetPagingTests.Keys(orderBy);
        var url = $"odata/Orders?$select=Id&$orderby={orderBy}";
        var first = await _server.Client.GetODataAsync(url, Pages);
        var seen = first.Rows.Select(r => r.GetProperty("Id").GetInt64()).ToList();
        var last = _database.Orders.Single(o => o.Id == seen[^1]);

        // Delete ten rows the client has read and five it has not; insert rows on both sides of the cursor.
        var deleted = seen.Take(10).Concat(SqliteOrder.Sort(_database.Orders, keys).Skip(120).Take(5).Select(o => o.Id)).ToHashSet();
        // New rows copy the sort values of rows spread over the table; three reuse ids the client read and that were deleted.
        var inserted = Enumerable.Range(0, 12)
            .Select(i => _database.Orders[i * 17] with { Id = i < 3 ? seen[i] : 10_000 + i, Note = i % 4 == 0 ? null : $"new {i}" }).ToList();
        Execute($"DELETE FROM \"Orders\" WHERE \"Id\" IN ({string.Join(",", deleted)})");
        foreach (var row in inserted)
        {
            Insert(row);
        }

        var rest = await _server.Client.GetAllPagesAsync(first.NextLink!, Pages);

        var current = _database.Orders.Where(o => !deleted.Contains(o.Id)).Concat(inserted);
        var expected = SqliteOrder.Sort(current.Where(o => SqliteOrder.After(o, last, keys)), keys).Select(o => o.Id).ToList();
        rest.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
        var insertedAfter = inserted.Where(o => SqliteOrder.After(o, last, keys)).Select(o => o.Id).ToList();
        expected.Should().HaveCount(_database.Orders.Count - 50 - 5 + insertedAfter.Count, "every unread row but the five deleted, and the new rows after the cursor");
        insertedAfter.Should().NotBeEmpty().And.HaveCountLessThan(inserted.Count, "new rows must land on both sides of the cursor for the test to mean something");
    }

    [Fact]
    public async Task NextLinks_SortValueTooLongForAToken_FallBackToAnOffsetAndStillReturnEveryRow()
    {
        // Every Note from 'note 2' on becomes 3,000 characters long: a keyset token for them would pass the limit.
        Execute("UPDATE \"Orders\" SET \"Note\" = \"Note\" || printf('%.3000c', 'x') WHERE \"Note\" IS NOT NULL");
        var keys = KeysetPagingTests.Keys("Note desc");
        var rows = _database.Orders.Select(o => o with { Note = o.Note is null ? null : o.Note + new string('x', 3000) });

        var pages = await _server.Client.GetAllPagesAsync("odata/Orders?$select=Id&$orderby=Note desc", Pages);

        pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(SqliteOrder.Sort(rows, keys).Select(o => o.Id));
        var link = pages[0].NextLink!;
        var shape = NextLinkBuilder.Shape("Orders", RawQueryOptions.Parse("?$select=Id&$orderby=Note desc", 32_768, 8_192));
        SkipToken.DecodePosition(link[(link.IndexOf("$skiptoken=", StringComparison.Ordinal) + 11)..], shape, [typeof(string), typeof(long)])
            .Should().Be(new SkipTokenPosition(50, null), "the first page ends on a long Note");
    }

    private void Execute(string sql)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Insert(OrderRow o)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "Orders" VALUES (@id, @customer, @product, @note, @amount, @quantity, @price, @paid, @date, @shipped, @workspace)
            """;
        command.Parameters.AddWithValue("@id", o.Id);
        command.Parameters.AddWithValue("@customer", o.CustomerId);
        command.Parameters.AddWithValue("@product", o.Product);
        command.Parameters.AddWithValue("@note", (object?)o.Note ?? DBNull.Value);
        command.Parameters.AddWithValue("@amount", o.Amount);
        command.Parameters.AddWithValue("@quantity", o.Quantity);
        command.Parameters.AddWithValue("@price", o.Price is { } p ? (double)p : DBNull.Value);
        command.Parameters.AddWithValue("@paid", o.Paid ? 1 : 0);
        command.Parameters.AddWithValue("@date", o.OrderDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("@shipped", (object?)o.ShippedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("@workspace", o.WorkspaceId);
        command.ExecuteNonQuery();
    }
}
