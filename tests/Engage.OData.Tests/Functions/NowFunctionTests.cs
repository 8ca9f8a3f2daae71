using Engage.OData.Hosting;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Functions;

public sealed class NowFunctionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 2, 1, 12, 30, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();
    private ODataTestServer _server = null!;

    public async Task InitializeAsync()
    {
        var definition = ODataTestServer.DefaultDefinition(_database);
        _server = await ODataTestServer.StartAsync(_database, new ODataServiceDefinition
        {
            Model = definition.Model,
            EntitySets = definition.EntitySets,
            OpenConnection = definition.OpenConnection,
            PageSize = definition.PageSize,
            TimeProvider = new FixedTimeProvider(Now),
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Get_WithNow_ComparesWithTheRequestTime()
    {
        var expected = _database.Orders.Where(o => o.ShippedAt < Now).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_server.Client, "odata/Orders?$filter=ShippedAt lt now()");

        ids.Should().Equal(expected).And.NotBeEmpty();
        ids.Count.Should().BeLessThan(_database.Orders.Count(o => o.ShippedAt is not null));
    }

    [Fact]
    public async Task Get_WithDatePartsOfNow_UseTheRequestTime()
    {
        var expected = _database.Orders.Where(o => o.OrderDate == DateOnly.FromDateTime(Now.UtcDateTime)).Select(o => o.Id).ToList();

        var ids = await FunctionQueries.IdsAsync(_server.Client, "odata/Orders?$filter=OrderDate eq date(now()) and hour(now()) eq 12 and minute(now()) eq 30");

        ids.Should().Equal(expected).And.NotBeEmpty();
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
