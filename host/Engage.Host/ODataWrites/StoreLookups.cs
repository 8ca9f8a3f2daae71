using System.Data.Common;
using System.Globalization;
using Engage.OData.Writes;

namespace Engage.Host.ODataWrites;

/// <summary>Reads the hooks need, inside the write's transaction (table names are constants of this code, values parameters).</summary>
internal static class StoreLookups
{
    /// <summary>The tables holding a workspace's data, which deleting the workspace would orphan.</summary>
    public static readonly string[] WorkspaceTables =
    [
        "Connections", "Accounts", "Posts", "Interactions", "Contacts", "Conversations", "Moments", "AccountDailyStats", "MetricValues",
        "ListeningQueries", "Publications", "Reports", "SyncRuns",
    ];

    public static async Task<bool> InWorkspaceAsync(WriteContext write, string table, long id, long workspaceId, CancellationToken cancellationToken) =>
        await ScalarAsync(write, $"SELECT EXISTS (SELECT 1 FROM {table} WHERE Id = @id AND WorkspaceId = @w)", cancellationToken, ("@id", id), ("@w", workspaceId)) == 1;

    public static async Task<bool> WorkspaceExistsAsync(WriteContext write, long workspaceId, CancellationToken cancellationToken) =>
        await ScalarAsync(write, "SELECT EXISTS (SELECT 1 FROM Workspaces WHERE Id = @w)", cancellationToken, ("@w", workspaceId)) == 1;

    /// <summary>How many rows of <paramref name="table"/> have <paramref name="column"/> = <paramref name="value"/>.</summary>
    public static Task<long> CountAsync(WriteContext write, string table, string column, object value, CancellationToken cancellationToken) =>
        ScalarAsync(write, $"SELECT COUNT(*) FROM {table} WHERE {column} = @v", cancellationToken, ("@v", value));

    public static Task<long> ScalarAsync(WriteContext write, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        ScalarAsync(write.Connection, write.Transaction, sql, cancellationToken, parameters);

    public static async Task<long> ScalarAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static Task ExecuteAsync(WriteContext write, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        ExecuteAsync(write.Connection, write.Transaction, sql, cancellationToken, parameters);

    public static async Task ExecuteAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
