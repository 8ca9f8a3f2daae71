using System.Collections.Concurrent;
using Engage.OData.Tests.Support;
using Engage.OData.Writes;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Tests.Writes;

/// <summary>
/// The write test service with an after-change hook that records each change it sees and writes a <c>ChangeLog</c> row
/// with the connection and transaction it is given, then throws when the change involves the note or carrier
/// <see cref="FailingValue"/> (such changes are not recorded); every POST answers with the entity.
/// </summary>
public sealed class ChangeHookFixture : IAsyncLifetime
{
    public const string FailingValue = "hook-fails";

    internal TestDatabase Database { get; } = new();

    internal ODataTestServer Server { get; private set; } = null!;

    internal ConcurrentQueue<ChangeContext> Changes { get; } = new();

    public async Task InitializeAsync()
    {
        using (var connection = Database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                ALTER TABLE "Orders" ADD COLUMN "RowVersion" INTEGER NOT NULL DEFAULT 1;
                CREATE TABLE "ChangeLog" ("Id" INTEGER PRIMARY KEY, "Operation" TEXT NOT NULL, "EntitySet" TEXT NOT NULL, "EntityKey" TEXT NOT NULL);
                """;
            command.ExecuteNonQuery();
        }

        Server = await ODataTestServer.StartAsync(Database, WriteTestService.Definition(Database, afterChange: RecordAsync, insertAnswersWithEntity: true));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>The number of ChangeLog rows about one order.</summary>
    internal long Logged(long orderId) => Database.Scalar($"SELECT COUNT(*) FROM \"ChangeLog\" WHERE \"EntityKey\" = '{orderId}'");

    private async ValueTask RecordAsync(ChangeContext change, CancellationToken cancellationToken)
    {
        await using (var command = change.Connection.CreateCommand())
        {
            command.Transaction = change.Transaction;
            command.CommandText = """INSERT INTO "ChangeLog" ("Operation", "EntitySet", "EntityKey") VALUES (@o, @s, @k)""";
            command.Parameters.Add(new SqliteParameter("@o", change.Operation.ToString()));
            command.Parameters.Add(new SqliteParameter("@s", change.EntitySet));
            command.Parameters.Add(new SqliteParameter("@k", Convert.ToString(change.Key, System.Globalization.CultureInfo.InvariantCulture)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (change.Values.GetValueOrDefault("Note") is FailingValue || change.Previous.GetValueOrDefault("Note") is FailingValue
            || change.Parameters.GetValueOrDefault("Carrier") is FailingValue)
        {
            throw new InvalidOperationException("The after-change hook failed (test).");
        }

        Changes.Enqueue(change);
    }
}
