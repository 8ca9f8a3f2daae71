using Engage.Host.Api;
using Engage.Host.Audit;
using Engage.Host.ODataModel;
using Engage.Host.ODataWrites;
using Engage.Host.Privacy.Http;
using Engage.Host.Records.Archive;
using Engage.Host.Security;
using Engage.Host.Security.Access;
using Engage.Host.Store;
using Engage.OData.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Engage.Host.Hosting;

/// <summary>Builds the web application: services, authentication, the OData service and the small HTTP API.</summary>
internal static class EngageApp
{
    public static WebApplication Build(string[] args)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = explicitRoot ? null : ContentRootLocator.Locate(AppContext.BaseDirectory),
        });
        builder.Services.AddEngage(builder.Configuration);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EngageOptions>>().Value;
        var database = app.Services.GetRequiredService<EngageDatabase>();
        var writes = EngageWritePolicies.Create(app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<Sync.ConnectionSetup>());
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<ApiKeyMiddleware>(options.Security.ApiKeyQueryParameter);
        app.MapHealthChecks("/health");
        var time = app.Services.GetRequiredService<TimeProvider>();
        var entitySets = EngageModel.EntitySetNames.Select(name => new EntitySetMapping(name, name)
        {
            Writes = writes.GetValueOrDefault(name),
            Columns = EngageModel.Columns.GetValueOrDefault(name) ?? new Dictionary<string, string>(),
        }).ToList();
        var audit = new ChangeAudit(new AuditTrail(time), new Dictionary<string, Func<OData.Writes.ChangeContext, AuditEntry?>>(StringComparer.Ordinal)
        {
            ["ApiKeys"] = ApiKeyWrites.Describe,
        });
        var model = QueryCapabilities.Annotate(EngageModel.Build(), entitySets);
        AccessMatrix.Check(model);
        app.MapOData(new ODataServiceDefinition
        {
            Model = model,
            EntitySets = entitySets,
            Actions = [ReplyAction.Definition, new RevokeAction(time).Definition],
            RowScope = AccessPolicy.RowScope,
            Authorize = AccessPolicy.Authorize,
            AfterChange = audit.AppendAsync,
            OpenConnection = async ct => await database.OpenAsync(ct),
            PageSize = options.OData.PageSize,
            MaxTop = options.OData.MaxTop,
            MaxQueryStringLength = options.OData.MaxQueryStringLength,
        });
        app.MapEngageApi();
        app.MapSubjectApi();
        app.MapArchive();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(
            app.Services.GetRequiredService<IServer>(), app.Services.GetRequiredService<EngagePaths>(), app.Services.GetRequiredService<StartupService>()));
    }
}
