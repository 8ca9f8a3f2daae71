using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Navigation;

/// <summary>Counts the SELECT statements SQLite runs (sqlite3_trace) to prove one statement per navigation, never one per row.</summary>
public sealed class ExpandStatementCountTests : IAsyncLifetime
{
    private readonly TracedODataServer _traced = new();

    public Task InitializeAsync() => _traced.InitializeAsync();

    public Task DisposeAsync() => _traced.DisposeAsync();

    [Fact]
    public async Task Get_ExpandedPage_RunsOneStatementPerNavigation()
    {
        var response = await _traced.Client.GetODataAsync("odata/Customers?$expand=Orders($select=Id;$expand=Customer($select=Name))");

        response.Rows.Should().HaveCount(TestDatabase.CustomerCount);
        Selects().Should().HaveCount(3, "one for the page, one for Orders and one for Orders/Customer: {0}", string.Join(" | ", Selects()));
        Selects().Should().ContainSingle(s => s.Contains("FROM \"Orders\"", StringComparison.Ordinal) && s.Contains(" IN (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ExpandSingleOnPage_RunsOneStatementWithoutJoin()
    {
        var response = await _traced.Client.GetODataAsync("odata/Orders?$top=50&$expand=Customer&$select=Id");

        response.Rows.Should().HaveCount(50);
        Selects().Should().HaveCount(2);
        Selects().Should().NotContain(s => s.Contains(" JOIN ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Get_ScopedRequestWithExpandLambdaAndPath_PutsTheScopeInEveryOrdersSubquery()
    {
        var response = await _traced.Client.GetODataAsync(
            "odata/Customers(3)/Orders/$count?$filter=Customer/Orders/any(o: o/Paid) and Customer/Orders/$count gt 1",
            (ODataTestServer.WorkspaceHeader, "2"));
        var expanded = await _traced.Client.GetODataAsync(
            "odata/Customers?$filter=Orders/all(o: o/Amount gt 0)&$expand=Orders($count=true;$top=1;$expand=Customer)",
            (ODataTestServer.WorkspaceHeader, "2"));

        response.Status.Should().Be(System.Net.HttpStatusCode.OK, response.Body);
        expanded.Status.Should().Be(System.Net.HttpStatusCode.OK, expanded.Body);
        var statements = Selects();
        statements.Should().HaveCountGreaterThan(4);
        foreach (var statement in statements)
        {
            Occurrences(statement, "FROM \"Orders\"").Should().Be(Occurrences(statement, "\"workspace_id\" = 2"), statement);
        }
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private List<string> Selects() => _traced.Selects();
}
