using System.Data.Common;
using Engage.OData.Hosting;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Tests.Support;

/// <summary>
/// The default test service over a fresh <see cref="TestDatabase"/>, with every statement SQLite runs recorded
/// (sqlite3_trace), for tests about which SQL a request produces and how many statements it takes.
/// </summary>
internal sealed class TracedODataServer : IAsyncLifetime
{
    private readonly List<string> _statements = [];
    private ODataTestServer _server = null!;

    public TestDatabase Database { get; } = new();

    public HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        var defaults = ODataTestServer.DefaultDefinition(Database);
        _server = await ODataTestServer.StartAsync(Database, new ODataServiceDefinition
        {
            Model = defaults.Model,
            EntitySets = defaults.EntitySets,
            PageSize = defaults.PageSize,
            RowScope = defaults.RowScope,
            OpenConnection = _ =>
            {
                var connection = new SqliteConnection(Database.ConnectionString);
                connection.Open();
                SQLitePCL.raw.sqlite3_trace(connection.Handle, (_, sql) => Record(sql), null);
                return ValueTask.FromResult<DbConnection>(connection);
            },
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>The SELECT statements run so far, in order.</summary>
    public List<string> Selects()
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
