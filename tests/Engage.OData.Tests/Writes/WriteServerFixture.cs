using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

/// <summary>A fresh database (Orders with a RowVersion column) and a server with the write policies, per test class.</summary>
public sealed class WriteServerFixture : IAsyncLifetime
{
    internal TestDatabase Database { get; } = new();

    internal ODataTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using (var connection = Database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """ALTER TABLE "Orders" ADD COLUMN "RowVersion" INTEGER NOT NULL DEFAULT 1""";
            command.ExecuteNonQuery();
        }

        Server = await ODataTestServer.StartAsync(Database, WriteTestService.Definition(Database));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Database.Dispose();
    }
}
