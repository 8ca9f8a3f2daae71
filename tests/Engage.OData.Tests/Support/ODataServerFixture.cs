namespace Engage.OData.Tests.Support;

/// <summary>One database and one server (page size 100) shared by the tests of a class.</summary>
public sealed class ODataServerFixture : IAsyncLifetime
{
    internal TestDatabase Database { get; } = new();

    internal ODataTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ODataTestServer.StartAsync(Database);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Database.Dispose();
    }
}
