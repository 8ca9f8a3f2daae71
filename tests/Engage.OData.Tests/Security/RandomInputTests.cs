using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Security;

public sealed class RandomInputTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly string[] Tokens =
    [
        "Id", "Note", "Price", "Paid", "ShippedAt", "OrderDate", "Product", "Customer", "Nope", "eq", "ne", "gt", "le", "and", "or", "not",
        "in", "has", "add", "(", ")", ",", "'", "''", "'x'", "null", "true", "1", "-1", "1.5", "1e999", "-INF", "NaN", "9223372036854775808",
        "2024-01-01", "2024-13-45", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00%2B14:00", "0001-01-01T00:00:00%2B14:00", "9999-12-31T23:59:59-14:00",
        "@a", "$it", "/", "any(x:x)", "contains(Note,'a')", "cast(Id,Edm.String)", "duration'P1D'", "%", "%00", "%ZZ", "$", "*", ";", "&", "#",
        "Test.Shop.Order", "geography'POINT(1 2)'", "binary'AAA='", "12345678-1234-1234-1234-123456789012", "\u00e9",
    ];

    private static readonly string[] Options = ["$filter", "$orderby", "$select", "$expand", "$top", "$skip", "$count", "$skiptoken", "$search", "$apply", "@a", "$format"];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Get_WithRandomQueries_NeverAnswersAServerError(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 25; i++)
        {
            var query = string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                Options[random.Next(Options.Length)] + "=" + string.Join(" ", Enumerable.Range(0, random.Next(1, 9)).Select(_ => Tokens[random.Next(Tokens.Length)]))));
            var path = random.Next(4) switch
            {
                0 => "odata/Orders(" + Tokens[random.Next(Tokens.Length)] + ")",
                1 => "odata/Orders/$count",
                _ => "odata/Orders",
            };

            var response = await fixture.Server.Client.GetODataAsync(path + "?" + query);

            ((int)response.Status is < 500 or 501).Should().BeTrue($"{path}?{query} answered {(int)response.Status} {response.Body}");
        }
    }
}
