using Engage.Host.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Infrastructure;

/// <summary>A migrated database in a temp folder, with helpers to create workspaces and connections.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempFolder _folder = new();

    private TestDatabase()
    {
        Database = new EngageDatabase(_folder.Combine("engage.db"));
    }

    public EngageDatabase Database { get; }

    public string Folder => _folder.Path;

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase();
        await db.Database.InitializeAsync(NullLogger.Instance, CancellationToken.None);
        return db;
    }

    public async Task<long> AddWorkspaceAsync(string name = "Test", string timeZone = "UTC")
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command("INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES (@n, @tz, '2026-01-01T00:00:00.0000000Z') RETURNING Id")
            .With("@n", name).With("@tz", timeZone);
        return await command.InsertAsync(CancellationToken.None);
    }

    public async Task<long> AddConnectionAsync(long workspaceId, string plugin, string connector, string network = "test", int intervalSeconds = 900)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command(
                """
                INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, IntervalSeconds, CreatedAt)
                VALUES (@w, @p, @c, @n, 'Test connection', @i, '2026-01-01T00:00:00.0000000Z') RETURNING Id
                """)
            .With("@w", workspaceId).With("@p", plugin).With("@c", connector).With("@n", network).With("@i", intervalSeconds);
        return await command.InsertAsync(CancellationToken.None);
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command($"SELECT COUNT(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) => Database.ScalarAsync(sql, parameters);

    /// <summary>Every row of a table as text, ordered by Id: for comparing whole tables.</summary>
    public async Task<IReadOnlyList<string>> DumpAsync(string table, string columns = "*")
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command($"SELECT {columns} FROM {table} ORDER BY Id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join("|", values.Select(v => v is DBNull ? "null" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
