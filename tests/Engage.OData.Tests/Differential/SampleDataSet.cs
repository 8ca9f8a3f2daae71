using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Tests.Differential;

/// <summary>
/// The seeded rows of the differential data set: nulls in every nullable column, case and accent variants,
/// characters whose UTF-8 and UTF-16 orders differ, quotes, dates and instants, doubles and decimals.
/// </summary>
internal static class SampleDataSet
{
    public const int Seed = 20261122;
    public const int RowCount = 3000;

    /// <summary>String values; also the pool string literals are drawn from (with some that match nothing).</summary>
    public static IReadOnlyList<string> Strings { get; } =
    [
        "alpha", "Alpha", "ALPHA", "alpha ", " alpha", "älpha", "Älpha", "beta", "Beta", "gamma", "straße", "STRASSE", "Straße",
        "O'Neil", "''", "'", "a&b=c?d#e", "100%", "plus+sign", "tab\there", "line\nbreak", "日本語", "中文", "😀 smile",
        "\uFF21 fullwidth", "\uE000 private", "z", "Z", "", "0", "10", "9", "-1", "null", "NULL", "true", "x/y", "(paren)", "semi;colon",
    ];

    public static IReadOnlyList<double> Doubles { get; } =
        [0, 1, -1, 0.5, -0.5, 2.25, 3.125, 1e10, -1e10, 1.5e-5, 123456.75, 7, 42, -273.15, 0.1, 1e300, -1e300];

    public static IReadOnlyList<decimal> Decimals { get; } = [0m, 1m, 9.99m, 10m, 12.34m, 0.01m, -5.5m, 1234.5m, 99999.99m];

    public static IReadOnlyList<long> Bigs { get; } =
        [0, 1, -1, 2147483647, 2147483648, -2147483649, 9007199254740991, -9007199254740991, 123456789012];

    public static IReadOnlyList<SampleRow> Create()
    {
        var random = new Random(Seed);
        var rows = new List<SampleRow>(RowCount);
        for (var id = 1; id <= RowCount; id++)
        {
            rows.Add(new SampleRow(
                Id: id,
                Name: Pick(random, Strings),
                Tag: random.Next(4) == 0 ? null : Pick(random, Strings),
                Score: random.Next(5) == 0 ? null : Pick(random, Doubles),
                Count: random.Next(-20, 21),
                Big: random.Next(6) == 0 ? null : Pick(random, Bigs),
                Flag: random.Next(3) switch { 0 => null, 1 => false, _ => true },
                Active: random.Next(2) == 0,
                Day: random.Next(5) == 0 ? null : new DateOnly(2023, 12, 25).AddDays(random.Next(0, 60)),
                At: random.Next(5) == 0 ? null : AnInstant(random),
                Price: random.Next(4) == 0 ? null : Pick(random, Decimals)));
        }

        return rows;
    }

    /// <summary>Instants on and around day boundaries, some equal to the midnight of a <see cref="SampleRow.Day"/>.</summary>
    public static DateTimeOffset AnInstant(Random random)
    {
        var day = new DateTimeOffset(2023, 12, 25, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 60));
        return random.Next(4) switch
        {
            0 => day,
            1 => day.AddTicks(random.Next(1, 10) * 1_000_000L + random.Next(0, 9999)),
            2 => day.AddHours(random.Next(0, 24)).AddMinutes(random.Next(0, 60)),
            _ => day.AddTicks(-1),
        };
    }

    public static void Write(string connectionString, IReadOnlyList<SampleRow> rows)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"""
                CREATE TABLE "{SampleSchema.Table}" ("Id" INTEGER PRIMARY KEY, "Name" TEXT NOT NULL, "tag_text" TEXT, "Score" REAL,
                    "Count" INTEGER NOT NULL, "Big" INTEGER, "Flag" INTEGER, "Active" INTEGER NOT NULL, "Day" TEXT, "At" TEXT, "Price" REAL)
                """;
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{SampleSchema.Table}\" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
        var parameters = Enumerable.Range(1, 11).Select(i => insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
        foreach (var r in rows)
        {
            object?[] values =
            [
                r.Id, r.Name, r.Tag, r.Score, (long)r.Count, r.Big, r.Flag is { } f ? (f ? 1L : 0L) : null, r.Active ? 1L : 0L,
                r.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.At?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                r.Price is { } p ? (double)p : null,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
