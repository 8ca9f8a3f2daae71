using System.Data.Common;

namespace Engage.OData.Sql;

/// <summary>Creates commands from statements, binding every parameter.</summary>
internal static class SqlExecutor
{
    public static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, SqlStatement statement)
    {
        var command = connection.CreateCommand();
        command.CommandText = statement.Text;
        command.Transaction = transaction;
        foreach (var (name, value) in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction, statement);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
