using System.Collections.Concurrent;
using Engage.OData.Security;
using Engage.OData.Tests.Support;
using Engage.OData.Tests.Writes;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Tests.Security;

/// <summary>
/// The write test service with an <c>Authorize</c> hook that records every access it is asked about and refuses the
/// ones named in the <see cref="DenyHeader"/> header (<c>Set:Kind</c>, <c>Set:Action:Name</c> or <c>Set:Kind:Property</c>,
/// comma-separated); it also counts the connections the engine opens, to show a refusal runs no SQL.
/// </summary>
public sealed class AuthorizeServerFixture : IAsyncLifetime
{
    public const string DenyHeader = "X-Test-Deny";
    private int _opened;

    internal TestDatabase Database { get; } = new();

    internal ODataTestServer Server { get; private set; } = null!;

    /// <summary>Every access asked about, in order, as <c>Set:Kind[:Action][ (Properties)]</c>.</summary>
    internal ConcurrentQueue<string> Asked { get; } = new();

    /// <summary>How many connections the engine has opened so far.</summary>
    public int Opened => Volatile.Read(ref _opened);

    public async Task InitializeAsync()
    {
        using (var connection = Database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """ALTER TABLE "Orders" ADD COLUMN "RowVersion" INTEGER NOT NULL DEFAULT 1""";
            command.ExecuteNonQuery();
        }

        Server = await ODataTestServer.StartAsync(
            Database, WriteTestService.Definition(Database, authorize: Authorize, onOpen: () => Interlocked.Increment(ref _opened)));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Database.Dispose();
    }

    private string? Authorize(HttpContext context, ODataAccess access)
    {
        var name = access.Kind == ODataAccessKind.Action ? $"{access.EntitySet}:Action:{access.Action}" : $"{access.EntitySet}:{access.Kind}";
        Asked.Enqueue(access.Properties is null ? name : $"{name} ({string.Join(",", access.Properties.Order(StringComparer.Ordinal))})");
        var denied = context.Request.Headers[DenyHeader].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (denied.Contains(name) || (access.Properties?.Any(p => denied.Contains($"{name}:{p}")) ?? false))
        {
            return $"The test role may not do '{name}'.";
        }

        return null;
    }
}
