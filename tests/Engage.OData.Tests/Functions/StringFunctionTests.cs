using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Functions;

public sealed class StringFunctionTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly Dictionary<string, Func<OrderRow, bool>> Cases = new()
    {
        ["contains(Product,'idg')"] = o => o.Product.Contains("idg", StringComparison.Ordinal),
        ["contains(Product,'IDG')"] = o => o.Product.Contains("IDG", StringComparison.Ordinal),
        ["contains(Product,'W')"] = o => o.Product.Contains('W', StringComparison.Ordinal),
        ["contains(Note,'1')"] = o => o.Note?.Contains('1', StringComparison.Ordinal) == true,
        ["not contains(Note,'1')"] = o => o.Note?.Contains('1', StringComparison.Ordinal) != true,
        ["contains(Note,'''')"] = o => o.Note?.Contains('\'', StringComparison.Ordinal) == true,
        ["contains(Note,'%')"] = o => false,
        ["contains(Product,'')"] = o => true,
        ["startswith(Product,'W')"] = o => o.Product.StartsWith('W'),
        ["startswith(Product,'w')"] = o => o.Product.StartsWith('w'),
        ["startswith(Product,'Widgets')"] = o => false,
        ["endswith(Product,'et')"] = o => o.Product.EndsWith("et", StringComparison.Ordinal),
        ["endswith(Product,'ET')"] = o => false,
        ["endswith(Note,'order')"] = o => o.Note?.EndsWith("order", StringComparison.Ordinal) == true,
        ["endswith(Product,'')"] = o => true,
        ["length(Product) eq 6"] = o => o.Product.Length == 6,
        ["length(Note) gt 6"] = o => o.Note?.Length > 6,
        ["indexof(Product,'g') eq 2"] = o => o.Product.IndexOf('g', StringComparison.Ordinal) == 2,
        ["indexof(Product,'G') eq 0"] = o => o.Product.IndexOf('G', StringComparison.Ordinal) == 0,
        ["indexof(Product,'zz') eq -1"] = o => true,
        ["indexof(Note,'zz') eq -1"] = o => o.Note is not null,
        ["substring(Product,1) eq 'idget'"] = o => Substring(o.Product, 1, null) == "idget",
        ["substring(Product,0,3) eq 'Wid'"] = o => Substring(o.Product, 0, 3) == "Wid",
        ["substring(Product,2,100) eq 'dget'"] = o => Substring(o.Product, 2, 100) == "dget",
        ["substring(Product,10) eq ''"] = o => Substring(o.Product, 10, null) == string.Empty,
        ["substring(Product,-1,2) eq 'Wi'"] = o => Substring(o.Product, -1, 2) == "Wi",
        ["substring(Product,1,-1) eq ''"] = o => Substring(o.Product, 1, -1) == string.Empty,
        ["substring(Note,5) eq '1'"] = o => o.Note is not null && Substring(o.Note, 5, null) == "1",
        ["tolower(Product) eq 'widget'"] = o => o.Product.ToLowerInvariant() == "widget",
        ["toupper(Product) eq 'GIZMO'"] = o => o.Product.ToUpperInvariant() == "GIZMO",
        ["trim(concat(' ',concat(Product,'  '))) eq Product"] = o => true,
        ["concat(concat(Product,'-'),Note) eq 'Gizmo-note 8'"] = o => o.Product + "-" + o.Note == "Gizmo-note 8",
        ["concat(Note,'x') eq null"] = o => o.Note is null,
        ["CONTAINS(Product,'idg')"] = o => o.Product.Contains("idg", StringComparison.Ordinal),
        ["ToLower(Product) eq 'widget' and StartsWith(Product,'w')"] = o => o.Product == "widget",
        ["Product in ('Gadget','widget')"] = o => o.Product is "Gadget" or "widget",
        ["Quantity in (1,2,3)"] = o => o.Quantity is 1 or 2 or 3,
        ["Price in (0.25,0.5,1.25)"] = o => o.Price is 0.25m or 0.5m or 1.25m,
        ["tolower(Product) in ('widget','gizmo')"] = o => o.Product.ToLowerInvariant() is "widget" or "gizmo",
    };

    private readonly HttpClient _client = fixture.Server.Client;

    public static TheoryData<string> Filters => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Get_WithStringFunction_ReturnsExactlyTheMatchingRows(string filter)
    {
        var expected = fixture.Database.Orders.Where(Cases[filter]).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?$filter=" + Uri.EscapeDataString(filter));

        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithContainsInOtherCase_DoesNotMatch()
    {
        var lower = await FunctionQueries.IdsAsync(_client, "odata/Customers?$filter=contains(Name,'customer')");
        var exact = await FunctionQueries.IdsAsync(_client, "odata/Customers?$filter=contains(Name,'Customer')");

        lower.Should().BeEmpty();
        exact.Should().HaveCount(TestDatabase.CustomerCount);
    }

    [Fact]
    public async Task Get_WithPercentEncodedStringFunction_FindsTheSameRows()
    {
        var expected = fixture.Database.Orders.Where(o => o.Product.StartsWith("Gi", StringComparison.Ordinal)).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?%24filter=startswith%28Product%2C%27Gi%27%29");

        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithFunctionInOrderBy_SortsByItsValueThenByKey()
    {
        var expected = fixture.Database.Orders
            .OrderByDescending(o => o.Product.Length).ThenBy(o => Substring(o.Product, 1, 2), StringComparer.Ordinal).ThenBy(o => o.Id)
            .Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_client, "odata/Orders?$orderby=length(Product) desc,substring(Product,1,2)&$select=Id");

        ids.Should().Equal(expected);
    }

    /// <summary>OData substring with the engine's out-of-range rules: start and length are clamped to 0.., the end to the text.</summary>
    private static string Substring(string text, int start, int? length)
    {
        var from = Math.Min(Math.Max(start, 0), text.Length);
        var count = Math.Min(Math.Max(length ?? int.MaxValue, 0), text.Length - from);
        return text.Substring(from, count);
    }
}
