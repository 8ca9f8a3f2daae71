using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>
/// Planted rows whose foreign keys cross the workspace boundary (written straight into the database; the API refuses
/// such references): for every foreign key (except WorkspaceId itself) an A row pointing at a B row (outward) and a B
/// row pointing at an A row (inward). Without them a dropped row scope in <c>$expand</c>, navigation paths, lambdas or
/// <c>$apply</c> paths would go unnoticed, because honest data never links two workspaces.
/// </summary>
internal sealed class CrossLinks
{
    /// <summary>(set, single-valued navigation) -> the Id of an A row of the set whose navigation points into B.</summary>
    public Dictionary<(string Set, string Navigation), long> Outward { get; } = [];

    /// <summary>(set, collection navigation) -> the Id of an A row of the set whose collection holds a B row.</summary>
    public Dictionary<(string Set, string Navigation), long> Inward { get; } = [];

    public static async Task<CrossLinks> PlantAsync(SqliteConnection connection, long a, long b)
    {
        var links = new CrossLinks();
        var offset = 0;
        foreach (var key in IsolationModel.ForeignKeys().Where(k => k.ForeignKey != "WorkspaceId"))
        {
            if (IsolationModel.ScopeProperty(key.Dependent) is null || IsolationModel.ScopeProperty(key.Principal) is null)
            {
                continue;
            }

            var target = await ScalarAsync(connection, $"SELECT Id FROM {key.Principal} WHERE {IsolationModel.ScopeProperty(key.Principal)} = @w ORDER BY Id LIMIT 1", b);
            links.Outward[(key.Dependent, key.ToPrincipal)] = await RepointAsync(connection, key.Dependent, key.ForeignKey, a, target!.Value, offset++)
                ?? throw new InvalidOperationException($"Could not point any {key.Dependent} row of workspace {a} at {key.Principal} {target} of workspace {b}.");

            var home = await ScalarAsync(connection, $"SELECT Id FROM {key.Principal} WHERE {IsolationModel.ScopeProperty(key.Principal)} = @w ORDER BY Id LIMIT 1", a);
            _ = await RepointAsync(connection, key.Dependent, key.ForeignKey, b, home!.Value, offset++)
                ?? throw new InvalidOperationException($"Could not point any {key.Dependent} row of workspace {b} at {key.Principal} {home} of workspace {a}.");
            links.Inward[(key.Principal, key.ToDependents)] = home.Value;
        }

        return links;
    }

    /// <summary>Points one row of <paramref name="table"/> in <paramref name="workspace"/> at <paramref name="target"/>; the row's Id, or null if every candidate broke a unique key.</summary>
    private static async Task<long?> RepointAsync(SqliteConnection connection, string table, string column, long workspace, long target, int offset)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var id = await ScalarAsync(connection, $"SELECT Id FROM {table} WHERE WorkspaceId = @w ORDER BY Id LIMIT 1 OFFSET {(offset + attempt).ToString(CultureInfo.InvariantCulture)}", workspace)
                ?? await ScalarAsync(connection, $"SELECT Id FROM {table} WHERE WorkspaceId = @w ORDER BY Id DESC LIMIT 1 OFFSET {attempt.ToString(CultureInfo.InvariantCulture)}", workspace);
            if (id is null)
            {
                return null;
            }

            // The schema's unique keys, (ConnectionId, ExternalId) and (AccountId, Date), may collide with the other workspace's
            // copy of the same demo item: move the other part of the key too.
            foreach (var extra in new[] { "", ", ExternalId = ExternalId || '-planted'", ", Date = date(Date, '-50 years')" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"UPDATE OR IGNORE {table} SET {column} = @t{extra} WHERE Id = @id";
                command.Parameters.AddWithValue("@t", target);
                command.Parameters.AddWithValue("@id", id);
                try
                {
                    if (await command.ExecuteNonQueryAsync() == 1)
                    {
                        return id;
                    }
                }
                catch (SqliteException) when (extra.Length > 0)
                {
                    // The table has no such column: try the next variant.
                }
            }
        }

        return null;
    }

    private static async Task<long?> ScalarAsync(SqliteConnection connection, string sql, long workspace)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@w", workspace);
        return await command.ExecuteScalarAsync() is long value ? value : null;
    }
}
