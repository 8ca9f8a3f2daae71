using System.Data.Common;
using Engage.OData.Hosting;
using Engage.OData.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Engage.OData.Tests.Differential;

/// <summary>The differential data set in a temporary SQLite file, served by the engine (page size 100) on Kestrel.</summary>
public sealed class DifferentialServerFixture : IAsyncLifetime
{
    public const int ServerPageSize = 100;

    internal TestDatabase Database { get; } = new(orderCount: 10);

    internal IReadOnlyList<SampleRow> Rows { get; } = SampleDataSet.Create();

    internal ODataTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SampleDataSet.Write(Database.ConnectionString, Rows);
        var definition = new ODataServiceDefinition
        {
            Model = SampleSchema.CreateModel(),
            EntitySets =
            [
                new EntitySetMapping(SampleSchema.EntitySet, SampleSchema.Table)
                {
                    Columns = SampleSchema.Properties.Where(p => p.Column != p.Name).ToDictionary(p => p.Name, p => p.Column),
                },
            ],
            OpenConnection = _ => ValueTask.FromResult<DbConnection>(new SqliteConnection(Database.ConnectionString)),
            PageSize = ServerPageSize,
        };
        Server = await ODataTestServer.StartAsync(Database, definition);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Database.Dispose();
    }
}
