using System.Data.Common;
using System.Net;
using Engage.OData.Hosting;
using Engage.OData.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Tests.Apply;

/// <summary>Traces what SQLite runs (sqlite3_trace): the row scope is in every statement and subquery over Orders.</summary>
public sealed class ApplyStatementTests : IAsyncLifetime
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
            var response = await _server.Client.GetODataAsync(url, (ODataTestServer.WorkspaceHeader, "2"));
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
        var response = await _server.Client.GetODataAsync("odata/Orders?$apply=aggregate($count as N)", (ODataTestServer.WorkspaceHeader, "3"));

        response.Rows[0].GetProperty("N").GetInt64().Should().Be(_database.Orders.Count(o => o.WorkspaceId == 3));
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
