using Engage.OData.Actions;
using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Metadata;
using Engage.OData.Writes;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Hosting;

/// <summary>
/// The single request delegate under the route prefix: service document, $metadata or an entity set for
/// GET; writes and bound actions for POST, PATCH, PUT and DELETE.
/// </summary>
internal sealed class ODataRequestDispatcher(ServiceBinding service)
{
    public const string PathParameter = "odataPath";

    /// <summary>The methods mapped besides GET; each resource answers 405 with <c>Allow</c> for those it does not accept.</summary>
    public static readonly string[] WriteMethods = ["POST", "PATCH", "PUT", "DELETE"];

    private readonly EntitySetEndpoint _entitySets = new(service);
    private readonly WriteEndpoint _writes = new(service);
    private readonly ActionEndpoint _actions = new(service);

    public Task HandleAsync(HttpContext context) => ODataEndpointGuard.RunAsync(context, DispatchAsync);

    private Task DispatchAsync(HttpContext context)
    {
        ODataHeaders.CheckMaxVersion(context.Request);
        var path = (context.Request.RouteValues[PathParameter] as string ?? string.Empty).Trim('/');
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (path.Length == 0 || path == "$metadata")
        {
            if (!isGet)
            {
                throw AllowedMethods.Refuse(context.Request.Method, new WriteTarget(WriteTargetKind.ReadOnly));
            }

            return path.Length == 0 ? ServiceDocumentEndpoint.WriteAsync(context, service) : MetadataEndpoint.WriteAsync(context, service.Metadata);
        }

        if (isGet)
        {
            return _entitySets.HandleAsync(context, path);
        }

        var urls = ServiceUrls.From(context.Request, service.Definition.RoutePrefix);
        var target = WritePathReader.Read(service, urls.ServiceRoot + "/", urls.ServiceRoot + new PathString("/" + path).ToUriComponent());
        return target.Kind == WriteTargetKind.Action ? _actions.HandleAsync(context, target) : _writes.HandleAsync(context, target);
    }
}
