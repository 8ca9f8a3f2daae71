using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Engage.Benchmarks;

/// <summary>
/// A SQLite file of generated interaction-like rows, shaped like Engage's Interactions table. Cached in the
/// temp folder under a name that carries the schema version and the row count, so reruns start at once.
/// </summary>
internal static class InteractionDatabase
{
    public const string SchemaVersion = "interactions-v1";

    private static readonly string[] Kinds = ["Comment", "Message", "Mention", "Review", "Reply"];
    private static readonly string[] Directions = ["Inbound", "Outbound"];
    private static readonly string[] Sentiments = ["Positive", "Neutral", "Negative"];
    private static readonly string[] Words =
    [
        "thanks", "order", "delivery", "great", "late", "support", "please", "help", "love", "price", "refund", "when",
        "où", "merci", "schön", "größe", "🙂", "service", "account", "again", "team", "quick", "question", "today",
    ];

    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();

    /// <summary>Returns the path of the cached file, generating it first when missing.</summary>
    public static string Ensure(int rows, TextWriter log)
    {
        SQLitePCL.Batteries_V2.Init();
        var path = Path.Combine(Path.GetTempPath(), $"engage-bench-{SchemaVersion}-{rows}.db");
        if (File.Exists(path))
        {
            log.WriteLine($"Using cached database {path}");
            return path;
        }

        var stopwatch = Stopwatch.StartNew();
        var building = path + ".building";
        File.Delete(building);
        Generate(building, rows);
        File.Move(building, path, overwrite: true);
        log.WriteLine($"Generated {rows:N0} rows into {path} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return path;
    }

    private static void Generate(string path, int rows)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE "Interactions" (
                "Id" INTEGER PRIMARY KEY, "WorkspaceId" INTEGER NOT NULL, "AccountId" INTEGER NOT NULL,
                "Kind" TEXT NOT NULL, "Direction" TEXT NOT NULL, "Text" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL, "CreatedDate" TEXT NOT NULL, "Sentiment" TEXT, "ResponseSeconds" INTEGER);
            """);

        var random = new Random(20261122);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var span = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc) - start;
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """INSERT INTO "Interactions" VALUES ($id, $ws, $account, $kind, $direction, $text, $at, $date, $sentiment, $seconds)""";
            var parameters = new[] { "$id", "$ws", "$account", "$kind", "$direction", "$text", "$at", "$date", "$sentiment", "$seconds" }
                .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            insert.Prepare();
            var text = new System.Text.StringBuilder();
            for (var i = 1; i <= rows; i++)
            {
                // Ids follow time, as rows arriving from a sync do.
                var at = start + (span * ((double)i / rows)) + TimeSpan.FromMilliseconds(random.Next(0, 1000));
                text.Clear();
                for (var w = random.Next(4, 18); w > 0; w--)
                {
                    text.Append(Words[random.Next(Words.Length)]).Append(' ');
                }

                parameters[0].Value = (long)i;
                parameters[1].Value = (long)random.Next(1, 6);
                parameters[2].Value = (long)random.Next(1, 41);
                parameters[3].Value = Kinds[random.Next(Kinds.Length)];
                parameters[4].Value = Directions[random.Next(Directions.Length)];
                parameters[5].Value = text.ToString(0, text.Length - 1);
                parameters[6].Value = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
                parameters[7].Value = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                parameters[8].Value = random.Next(10) < 3 ? DBNull.Value : Sentiments[random.Next(Sentiments.Length)];
                parameters[9].Value = random.Next(2) == 0 ? DBNull.Value : (long)random.Next(5, 86_400);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Execute(connection, """
            CREATE INDEX "IX_Interactions_WorkspaceId_CreatedDate" ON "Interactions" ("WorkspaceId", "CreatedDate");
            ANALYZE;
            """);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
