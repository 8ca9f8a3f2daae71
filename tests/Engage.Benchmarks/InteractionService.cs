using System.Data.Common;
using Engage.OData.Hosting;
using Engage.OData.Sql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OData.Edm;

namespace Engage.Benchmarks;

/// <summary>The engine on a real Kestrel (127.0.0.1, random port) serving the Interactions table.</summary>
internal sealed class InteractionService : IAsyncDisposable
{
    public const int ServerPageSize = 5000;

    private readonly WebApplication _app;

    private InteractionService(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
    }

    public HttpClient Client { get; }

    /// <summary>Starts the service; <paramref name="workspaces"/>, when given, scopes every statement as a key of those workspaces is.</summary>
    public static async Task<InteractionService> StartAsync(string databasePath, int pageSize = ServerPageSize, IReadOnlyList<long>? workspaces = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connectionString = InteractionDatabase.ConnectionString(databasePath);
        app.MapOData(new ODataServiceDefinition
        {
            Model = CreateModel(),
            EntitySets = [new EntitySetMapping("Interactions", "Interactions")],
            OpenConnection = _ => ValueTask.FromResult<DbConnection>(new SqliteConnection(connectionString)),
            PageSize = pageSize,
            RowScope = workspaces is null ? null : (_, _) => Scope(workspaces),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InteractionService(app, new Uri(address.TrimEnd('/') + "/odata/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The host's row scope for a key of <paramref name="workspaces"/>: <c>"WorkspaceId" IN (@ws0, …)</c>.</summary>
    private static SqlCondition Scope(IReadOnlyList<long> workspaces) => new(
        "\"WorkspaceId\" IN (" + string.Join(", ", workspaces.Select((_, i) => "@ws" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")",
        workspaces.Select((w, i) => (Name: "@ws" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Value: (object?)w)).ToDictionary(p => p.Name, p => p.Value));

    private static EdmModel CreateModel()
    {
        const string ns = "Engage.Bench";
        var model = new EdmModel();
        var type = new EdmEntityType(ns, "Interaction");
        type.AddKeys(type.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false));
        type.AddStructuralProperty("WorkspaceId", EdmPrimitiveTypeKind.Int64, isNullable: false);
        type.AddStructuralProperty("AccountId", EdmPrimitiveTypeKind.Int64, isNullable: false);
        type.AddStructuralProperty("Kind", EdmPrimitiveTypeKind.String, isNullable: false);
        type.AddStructuralProperty("Direction", EdmPrimitiveTypeKind.String, isNullable: false);
        type.AddStructuralProperty("Text", EdmPrimitiveTypeKind.String, isNullable: false);
        type.AddStructuralProperty("CreatedAt", EdmPrimitiveTypeKind.DateTimeOffset, isNullable: false);
        type.AddStructuralProperty("CreatedDate", EdmPrimitiveTypeKind.Date, isNullable: false);
        type.AddStructuralProperty("Sentiment", EdmPrimitiveTypeKind.String, isNullable: true);
        type.AddStructuralProperty("ResponseSeconds", EdmPrimitiveTypeKind.Int32, isNullable: true);
        model.AddElement(type);
        var container = new EdmEntityContainer(ns, "Container");
        container.AddEntitySet("Interactions", type);
        model.AddElement(container);
        return model;
    }
}
