using System.Net;
using System.Text.Json;
using Engage.OData.Paging;
using Engage.OData.Query;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Paging;

/// <summary>
/// Following next links to the end over column orders (keyset tokens) returns every row exactly once in the
/// engine's order: duplicate sort values, NULLs in the sort column, descending and mixed directions, $top across
/// pages, $expand and navigation collections.
/// </summary>
public sealed class KeysetPagingTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly (string, string)[] SmallPages = [("Prefer", "odata.maxpagesize=7")];
    private readonly HttpClient _client = fixture.Server.Client;

    private IReadOnlyList<OrderRow> Orders => fixture.Database.Orders;

    public static TheoryData<string> ColumnOrders =>
    [
        "Product",
        "Product desc",
        "Note",
        "Note desc",
        "Price desc",
        "Price",
        "ShippedAt desc,Quantity",
        "Paid desc,OrderDate,Note desc",
        "Quantity,Price desc,Product",
        "Id desc",
        "CustomerId desc,Id desc",
    ];

    [Theory]
    [MemberData(nameof(ColumnOrders))]
    public async Task NextLinks_ColumnOrder_ReturnEveryRowOnceInOrder(string orderBy)
    {
        var expected = SqliteOrder.Sort(Orders, Keys(orderBy)).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync($"odata/Orders?$select=Id&$orderby={orderBy}&$count=true", SmallPages);

        Ids(pages).Should().Equal(expected);
        pages.Should().HaveCount((Orders.Count + 6) / 7);
        pages.Should().OnlyContain(p => p.Json.GetProperty("@odata.count").GetInt64() == Orders.Count);
        pages.SelectMany(p => p.Rows).Should().OnlyContain(r => r.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "Id" }),
            "the sort columns are read for the token, never written");
    }

    [Fact]
    public async Task NextLinks_ColumnOrder_CarryKeysetTokens()
    {
        const string url = "odata/Orders?$select=Id&$orderby=Note desc,Amount";
        var link = (await _client.GetODataAsync(url, SmallPages)).NextLink!;
        var token = link[(link.IndexOf("$skiptoken=", StringComparison.Ordinal) + 11)..];
        var shape = NextLinkBuilder.Shape("Orders", RawQueryOptions.Parse(url[url.IndexOf('?', StringComparison.Ordinal)..], 32_768, 8_192));
        var last = SqliteOrder.Sort(Orders, Keys("Note desc,Amount"))[6];

        var position = SkipToken.DecodePosition(token, shape, [typeof(string), typeof(double), typeof(long)]);

        position.Keyset.Should().Equal(last.Note, last.Amount, last.Id);
        position.Offset.Should().Be(7);
    }

    [Fact]
    public async Task NextLinks_TopSpanningPages_StopAtTop()
    {
        var expected = SqliteOrder.Sort(Orders, Keys("Note desc")).Select(o => o.Id).Take(130).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$select=Id&$orderby=Note desc&$top=130");

        pages.Select(p => p.Rows.Count).Should().Equal(100, 30);
        pages[0].NextLink.Should().Contain("$top=30");
        Ids(pages).Should().Equal(expected);
    }

    [Fact]
    public async Task NextLinks_SkipOnTheFirstRequest_SkipsOnce()
    {
        var expected = SqliteOrder.Sort(Orders, Keys("Product desc,Price")).Select(o => o.Id).Skip(10).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$select=Id&$orderby=Product desc,Price&$skip=10", ("Prefer", "odata.maxpagesize=30"));

        Ids(pages).Should().Equal(expected);
        pages[0].NextLink.Should().NotContain("$skip=");
    }

    [Fact]
    public async Task NextLinks_Expand_PageTheParentsByKeysetWithTheirRelatedRows()
    {
        var customers = Enumerable.Range(1, TestDatabase.CustomerCount)
            .Select(i => (Id: (long)i, Name: $"Customer {i}", Email: i % 4 == 0 ? null : $"c{i}@example.test")).ToList();
        var expected = SqliteOrder.Sort(customers, (c => c.Email, true), (c => c.Name, false), (c => c.Id, false)).Select(c => c.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Customers?$select=Id&$expand=Orders($select=Id)&$orderby=Email desc,Name", ("Prefer", "odata.maxpagesize=3"));

        Ids(pages).Should().Equal(expected);
        foreach (var customer in pages.SelectMany(p => p.Rows))
        {
            var id = customer.GetProperty("Id").GetInt64();
            customer.GetProperty("Orders").EnumerateArray().Select(o => o.GetProperty("Id").GetInt64())
                .Should().Equal(Orders.Where(o => o.CustomerId == id).Select(o => o.Id));
            customer.EnumerateObject().Select(p => p.Name).Should().Equal("Id", "Orders");
        }
    }

    [Fact]
    public async Task NextLinks_ExpandSingle_PageByADescendingColumn()
    {
        var expected = SqliteOrder.Sort(Orders, Keys("CustomerId desc,Amount")).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$select=Id&$expand=Customer($select=Name)&$orderby=CustomerId desc,Amount", ("Prefer", "odata.maxpagesize=40"));

        Ids(pages).Should().Equal(expected);
        pages.SelectMany(p => p.Rows).Should().OnlyContain(r => r.GetProperty("Customer").GetProperty("Name").GetString()!.StartsWith("Customer ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NextLinks_NavigationCollection_PageByKeyset()
    {
        var expected = SqliteOrder.Sort(Orders.Where(o => o.CustomerId == 3), Keys("Price desc")).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Customers(3)/Orders?$select=Id&$orderby=Price desc&$count=true", ("Prefer", "odata.maxpagesize=4"));

        Ids(pages).Should().Equal(expected);
        pages.Should().HaveCount((expected.Count + 3) / 4);
        pages[0].NextLink.Should().StartWith(fixture.Server.BaseAddress + "odata/Customers(3)/Orders?");
    }

    [Fact]
    public async Task NextLinks_ExpressionOrder_StillPageByOffset()
    {
        var expected = SqliteOrder.Sort(Orders, (o => o.Quantity * -1, false), (o => o.Id, false)).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync("odata/Orders?$select=Id&$orderby=Quantity mul -1", SmallPages);

        Ids(pages).Should().Equal(expected);
    }

    [Fact]
    public async Task NextLinks_MoreSortColumnsThanATokenCarries_PageByOffset()
    {
        var orderBy = string.Join(",", Enumerable.Repeat("Quantity desc,Product", 40));
        var expected = SqliteOrder.Sort(Orders, Keys("Quantity desc,Product")).Select(o => o.Id).ToList();

        var pages = await _client.GetAllPagesAsync($"odata/Orders?$select=Id&$orderby={orderBy}", ("Prefer", "odata.maxpagesize=70"));

        Ids(pages).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_ForgedKeysetTokenUnderRowScope_NeverLeavesTheScope()
    {
        const string url = "odata/Orders?$select=Id&$filter=Paid";
        var shape = NextLinkBuilder.Shape("Orders", RawQueryOptions.Parse(url[url.IndexOf('?', StringComparison.Ordinal)..], 32_768, 8_192));
        var forged = SkipToken.EncodeKeyset(0, [long.MinValue], shape);
        (string, string) workspace = (ODataTestServer.WorkspaceHeader, "2");

        var pages = await _client.GetAllPagesAsync(url + "&$skiptoken=" + forged, workspace);

        Ids(pages).Should().Equal(Orders.Where(o => o.WorkspaceId == 2 && o.Paid).Select(o => o.Id));
    }

    [Fact]
    public async Task Get_SkipTokenLongerThanTheLimit_Answers400()
    {
        var response = await _client.GetODataAsync("odata/Orders?$select=Id&$skiptoken=" + new string('A', SkipToken.MaxLength + 1));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorMessage.Should().Contain("$skiptoken");
    }

    [Fact]
    public async Task Get_KeysetTokenOfAnotherOrder_Answers400()
    {
        var link = (await _client.GetODataAsync("odata/Orders?$select=Id&$orderby=Amount", SmallPages)).NextLink!;

        var response = await _client.GetODataAsync(link.Replace("$orderby=Amount", "$orderby=Quantity", StringComparison.Ordinal), SmallPages);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    private static List<long> Ids(IEnumerable<ODataResponse> pages) => [.. pages.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64())];

    /// <summary>The sort keys of an <c>$orderby</c> over Orders' properties, the key appended.</summary>
    internal static (Func<OrderRow, object?> Key, bool Descending)[] Keys(string orderBy)
    {
        var keys = new List<(Func<OrderRow, object?>, bool)>();
        foreach (var term in orderBy.Split(','))
        {
            var parts = term.Split(' ');
            Func<OrderRow, object?> key = parts[0] switch
            {
                "Id" => o => o.Id,
                "CustomerId" => o => o.CustomerId,
                "Product" => o => o.Product,
                "Note" => o => o.Note,
                "Amount" => o => o.Amount,
                "Quantity" => o => o.Quantity,
                "Price" => o => o.Price,
                "Paid" => o => o.Paid,
                "OrderDate" => o => o.OrderDate,
                "ShippedAt" => o => o.ShippedAt,
                _ => throw new ArgumentException(parts[0], nameof(orderBy)),
            };
            keys.Add((key, parts.Length > 1 && parts[1] == "desc"));
        }

        if (!orderBy.Split(',').Any(t => t.Split(' ')[0] == "Id"))
        {
            keys.Add((o => o.Id, false));
        }

        return [.. keys];
    }
}
