using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Tests.Support;

/// <summary>A temporary SQLite file with generated Orders and Customers, following the engine's storage conventions.</summary>
internal sealed class TestDatabase : IDisposable
{
    public const int OrderCount = 300;
    public const int CustomerCount = 20;
    private static readonly string[] Products = ["Widget", "widget", "Gadget", "Gizmo", "Doohickey"];

    public TestDatabase(int orderCount = OrderCount)
    {
        SQLitePCL.Batteries_V2.Init();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"engage-odata-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        Orders = Enumerable.Range(1, orderCount).Select(CreateOrder).ToList();
        using var connection = Open();
        Execute(connection, """
            CREATE TABLE "Customers" ("Id" INTEGER PRIMARY KEY, "Name" TEXT NOT NULL, "Email" TEXT, "Active" INTEGER NOT NULL, "Joined" TEXT NOT NULL);
            CREATE TABLE "Orders" ("Id" INTEGER PRIMARY KEY, "CustomerId" INTEGER NOT NULL, "product_name" TEXT NOT NULL, "Note" TEXT,
                "Amount" REAL NOT NULL, "Quantity" INTEGER NOT NULL, "Price" REAL, "Paid" INTEGER NOT NULL, "OrderDate" TEXT NOT NULL,
                "ShippedAt" TEXT, "workspace_id" INTEGER NOT NULL);
            """);
        using var transaction = connection.BeginTransaction();
        for (var i = 1; i <= CustomerCount; i++)
        {
            Execute(connection, """INSERT INTO "Customers" VALUES (@id, @name, @email, @active, @joined)""",
                ("@id", i), ("@name", $"Customer {i}"), ("@email", i % 4 == 0 ? null : $"c{i}@example.test"),
                ("@active", i % 2), ("@joined", new DateOnly(2023, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        foreach (var o in Orders)
        {
            Execute(connection, """
                INSERT INTO "Orders" VALUES (@id, @customer, @product, @note, @amount, @quantity, @price, @paid, @date, @shipped, @workspace)
                """,
                ("@id", o.Id), ("@customer", o.CustomerId), ("@product", o.Product), ("@note", o.Note), ("@amount", o.Amount),
                ("@quantity", o.Quantity), ("@price", o.Price is { } p ? (double)p : null), ("@paid", o.Paid ? 1 : 0),
                ("@date", o.OrderDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("@shipped", o.ShippedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
                ("@workspace", o.WorkspaceId));
        }

        transaction.Commit();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public IReadOnlyList<OrderRow> Orders { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    private static OrderRow CreateOrder(int i) => new(
        Id: i,
        CustomerId: (i % CustomerCount) + 1,
        Product: Products[i % Products.Length],
        Note: i % 3 == 0 ? null : i == 7 ? "O'Brien's order" : $"note {i}",
        Amount: i * 1.5,
        Quantity: i % 10,
        Price: i % 4 == 0 ? null : i * 0.25m,
        Paid: i % 2 == 0,
        OrderDate: new DateOnly(2024, 1, 1).AddDays(i % 60),
        ShippedAt: i % 5 == 0 ? null : new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 7),
        WorkspaceId: (i % 3) + 1);

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
