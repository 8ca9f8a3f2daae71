using System.Data.Common;
using Engage.OData.Hosting;
using Engage.OData.Sql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engage.OData.Tests.Support;

/// <summary>A real Kestrel on 127.0.0.1 with a random port, serving the test model over a temporary SQLite file.</summary>
internal sealed class ODataTestServer : IAsyncDisposable
{
    /// <summary>Requests carrying this header are scoped to one workspace by the test row-scope hook.</summary>
    public const string WorkspaceHeader = "X-Test-Workspace";

    private readonly WebApplication _app;

    private ODataTestServer(WebApplication app, TestDatabase database, Uri baseAddress)
    {
        _app = app;
        Database = database;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public TestDatabase Database { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static ODataServiceDefinition DefaultDefinition(TestDatabase database, int pageSize = 100, long? maxTop = null) => new()
    {
        Model = TestModel.Create(),
        EntitySets =
        [
            new EntitySetMapping("Orders", "Orders") { Columns = new Dictionary<string, string> { ["Product"] = "product_name" } },
            new EntitySetMapping("Customers", "Customers") { KeyProperty = "Id" },
        ],
        OpenConnection = _ => ValueTask.FromResult<DbConnection>(new SqliteConnection(database.ConnectionString)),
        PageSize = pageSize,
        MaxTop = maxTop,
        RowScope = WorkspaceScope,
    };

    public static async Task<ODataTestServer> StartAsync(TestDatabase database, ODataServiceDefinition? definition = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestLineSize = 64 * 1024);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapOData(definition ?? DefaultDefinition(database));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ODataTestServer(app, database, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static SqlCondition? WorkspaceScope(HttpContext context, string entitySet) =>
        entitySet == "Orders" && long.TryParse(context.Request.Headers[WorkspaceHeader], out var workspace)
            ? new SqlCondition("\"workspace_id\" = @ws", new Dictionary<string, object?> { ["@ws"] = workspace })
            : null;
}
