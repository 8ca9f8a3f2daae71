using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Engage.Benchmarks;

/// <summary>The floor: the same statements through Microsoft.Data.Sqlite in this process, every value read, no JSON.</summary>
internal sealed class DirectReader(string databasePath)
{
    public const string Columns =
        "\"Id\", \"WorkspaceId\", \"AccountId\", \"Kind\", \"Direction\", \"Text\", \"CreatedAt\", \"CreatedDate\", \"Sentiment\", \"ResponseSeconds\"";

    private readonly string _connectionString = InteractionDatabase.ConnectionString(databasePath);

    /// <summary>Runs a query and reads every column of every row; returns the row count.</summary>
    public long ReadAll(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        return Consume(reader);
    }

    /// <summary>
    /// Reads the whole table in pages of <paramref name="pageSize"/> as the engine pages it: each page seeks past the
    /// last key read (<c>WHERE "Id" &gt; @last</c>) and fetches one extra row to learn whether another page follows.
    /// </summary>
    public long ReadAllKeysetPaged(int pageSize)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        long total = 0;
        long? last = null;
        while (true)
        {
            using var command = connection.CreateCommand();
            command.CommandText = last is null
                ? $"SELECT {Columns} FROM \"Interactions\" ORDER BY \"Id\" ASC LIMIT @limit"
                : $"SELECT {Columns} FROM \"Interactions\" WHERE (\"Id\" > @last) ORDER BY \"Id\" ASC LIMIT @limit";
            command.Parameters.AddWithValue("@limit", pageSize + 1);
            if (last is { } key)
            {
                command.Parameters.AddWithValue("@last", key);
            }

            using var reader = command.ExecuteReader();
            var (rows, lastKey) = ConsumePage(reader, pageSize);
            total += rows;
            if (rows < pageSize || !reader.Read())
            {
                return total;
            }

            last = lastKey;
        }
    }

    /// <summary>Runs a query of any shape and reads every value; returns the row count.</summary>
    public long ReadGroups(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var values = new object[reader.FieldCount];
        long rows = 0;
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    private static (long Rows, long LastKey) ConsumePage(DbDataReader reader, long limit)
    {
        long rows = 0;
        long lastKey = 0;
        while (rows < limit && reader.Read())
        {
            lastKey = reader.GetInt64(0);
            rows += ConsumeRow(reader);
        }

        return (rows, lastKey);
    }

    private static long Consume(DbDataReader reader)
    {
        long rows = 0;
        while (reader.Read())
        {
            rows += ConsumeRow(reader);
        }

        return rows;
    }

    /// <summary>Reads every value of the current row (as a client would); returns 1.</summary>
    private static long ConsumeRow(DbDataReader reader)
    {
        long checksum = reader.GetInt64(0) + reader.GetInt64(1) + reader.GetInt64(2);
        checksum += reader.GetString(3).Length + reader.GetString(4).Length + reader.GetString(5).Length;
        checksum += reader.GetString(6).Length + reader.GetString(7).Length;
        checksum += reader.IsDBNull(8) ? 0 : reader.GetString(8).Length;
        checksum += reader.IsDBNull(9) ? 0 : reader.GetInt64(9);
        GC.KeepAlive(checksum);
        return 1;
    }
}
