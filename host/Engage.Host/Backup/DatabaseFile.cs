using System.Globalization;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Backup;

/// <summary>Reads a database file of a backup (never pooled, so the file is closed when done): schema, rows, health.</summary>
internal static class DatabaseFile
{
    public static SqliteConnection Open(string path, SqliteOpenMode mode) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    public static async Task<int> SchemaVersionAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await MigrationRunner.GetVersionAsync(connection, cancellationToken);

    /// <summary>The rows of every table (SQLite's own tables left out), by table name.</summary>
    public static async Task<SortedDictionary<string, long>> CountRowsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = connection.Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // A table name cannot be a parameter; this one comes from the file's own schema and is quoted as an identifier.
            await using var count = connection.Command($"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The problems <c>PRAGMA integrity_check</c> and <c>PRAGMA foreign_key_check</c> find; empty when the file is sound.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using (var integrity = connection.Command("PRAGMA integrity_check"))
        await using (var reader = await integrity.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add(line);
                }
            }
        }

        await using (var foreignKeys = connection.Command("PRAGMA foreign_key_check"))
        await using (var reader = await foreignKeys.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add($"foreign key: row {reader.GetValue(1)} of {reader.GetString(0)} refers to a missing row of {reader.GetString(2)}");
            }
        }

        return problems;
    }
}
