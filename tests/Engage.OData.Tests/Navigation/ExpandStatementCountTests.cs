using System.Data.Common;
using Engage.OData.Hosting;
using Engage.OData.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Tests.Navigation;

/// <summary>Counts the SELECT statements SQLite runs (sqlite3_trace) to prove one statement per navigation, never one per row.</summary>
public sealed class ExpandStatementCountTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly List<string> _statements = [];
    private ODataTestServer _server = null!;

    public async Task InitializeAsync()
    {
        var defaults = ODataTestServer.DefaultDefinition(_database);
        _server = await ODataTestServer.StartAsync(_database, new ODataServiceDefinition
        {
            Model = defaults.Model,
            EntitySets = defaults.EntitySets,
            PageSize = defaults.PageSize,
            RowScope = defaults.RowScope,
            OpenConnection = _ =>
            {
                var connection = new SqliteConnection(_database.ConnectionString);
                connection.Open();
                SQLitePCL.raw.sqlite3_trace(connection.Handle, (_, sql) => Record(sql), null);
                return ValueTask.FromResult<DbConnection>(connection);
            },
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Get_ExpandedPage_RunsOneStatementPerNavigation()
    {
        var response = await _server.Client.GetODataAsync("odata/Customers?$expand=Orders($select=Id;$expand=Customer($select=Name))");

        response.Rows.Should().HaveCount(TestDatabase.CustomerCount);
        Selects().Should().HaveCount(3, "one for the page, one for Orders and one for Orders/Customer: {0}", string.Join(" | ", Selects()));
        Selects().Should().ContainSingle(s => s.Contains("FROM \"Orders\"", StringComparison.Ordinal) && s.Contains(" IN (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ExpandSingleOnPage_RunsOneStatementWithoutJoin()
    {
        var response = await _server.Client.GetODataAsync("odata/Orders?$top=50&$expand=Customer&$select=Id");

        response.Rows.Should().HaveCount(50);
        Selects().Should().HaveCount(2);
        Selects().Should().NotContain(s => s.Contains(" JOIN ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Get_ScopedRequestWithExpandLambdaAndPath_PutsTheScopeInEveryOrdersSubquery()
    {
        var response = await _server.Client.GetODataAsync(
            "odata/Customers(3)/Orders/$count?$filter=Customer/Orders/any(o: o/Paid) and Customer/Orders/$count gt 1",
            (ODataTestServer.WorkspaceHeader, "2"));
        var expanded = await _server.Client.GetODataAsync(
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

    private List<string> Selects()
    {
        lock (_statements)
        {
            return [.. _statements.Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))];
        }
    }

    private void Record(string sql)
    {
        lock (_statements)
        {
            _statements.Add(sql);
        }
    }
}
