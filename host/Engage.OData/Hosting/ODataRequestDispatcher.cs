using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Metadata;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Hosting;

/// <summary>The single request delegate under the route prefix: service document, $metadata or an entity set.</summary>
internal sealed class ODataRequestDispatcher(ServiceBinding service)
{
    public const string PathParameter = "odataPath";

    private readonly EntitySetEndpoint _entitySets = new(service);

    public Task HandleAsync(HttpContext context) => ODataEndpointGuard.RunAsync(context, DispatchAsync);

    private Task DispatchAsync(HttpContext context)
    {
        ODataHeaders.CheckMaxVersion(context.Request);
        var path = (context.Request.RouteValues[PathParameter] as string ?? string.Empty).Trim('/');
        if (path.Length == 0)
        {
            return ServiceDocumentEndpoint.WriteAsync(context, service);
        }

        if (path == "$metadata")
        {
            return MetadataEndpoint.WriteAsync(context, service.Metadata);
        }

        return _entitySets.HandleAsync(context, path);
    }
}
