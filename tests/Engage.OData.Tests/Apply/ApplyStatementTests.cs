using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Apply;

/// <summary>Traces what SQLite runs (sqlite3_trace): the row scope is in every statement and subquery over Orders.</summary>
public sealed class ApplyStatementTests : IAsyncLifetime
{
    private readonly TracedODataServer _traced = new();

    public Task InitializeAsync() => _traced.InitializeAsync();

    public Task DisposeAsync() => _traced.DisposeAsync();

    [Fact]
    public async Task Get_ScopedApplies_PutTheScopeInEveryOrdersStatementAndSubquery()
    {
        string[] urls =
        [
            "odata/Orders?$apply=filter(Paid)/groupby((Customer/Name),aggregate($count as N,Amount with sum as Total))/filter(N gt 1)&$orderby=Total desc&$count=true",
            "odata/Orders/$count?$apply=groupby((Product))",
            "odata/Orders?$apply=aggregate(Customer/Id with countdistinct as Customers)",
            "odata/Customers?$apply=filter(Orders/any(o: o/Paid) and Orders/$count gt 2)/groupby((Active),aggregate($count as N))&$count=true",
            "odata/Orders?$apply=compute(Customer/Active as A)/groupby((A),aggregate($count as N))",
        ];

        foreach (var url in urls)
        {
            var response = await _traced.Client.GetODataAsync(url, (ODataTestServer.WorkspaceHeader, "2"));
            response.Status.Should().Be(HttpStatusCode.OK, url + ": " + response.Body);
        }

        var statements = Selects();
        statements.Should().HaveCountGreaterThanOrEqualTo(urls.Length + 2);
        foreach (var statement in statements)
        {
            Occurrences(statement, "FROM \"Orders\"").Should().Be(Occurrences(statement, "\"workspace_id\" = 2"), statement);
        }
    }

    [Fact]
    public async Task Get_ScopedAggregate_CountsOnlyTheScopedRows()
    {
        var response = await _traced.Client.GetODataAsync("odata/Orders?$apply=aggregate($count as N)", (ODataTestServer.WorkspaceHeader, "3"));

        response.Rows[0].GetProperty("N").GetInt64().Should().Be(_traced.Database.Orders.Count(o => o.WorkspaceId == 3));
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private List<string> Selects() => _traced.Selects();
}
