using Engage.OData.Binding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Engage.OData.Hosting;

/// <summary>Maps the OData service: <c>/{prefix}</c>, <c>/{prefix}/$metadata</c> and <c>/{prefix}/{EntitySet}…</c>.</summary>
internal static class ODataEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Validates <paramref name="definition"/> (throws <see cref="InvalidOperationException"/> on a
    /// configuration error), builds the metadata once and maps GET and the write methods (POST, PATCH, PUT, DELETE). The returned group
    /// takes conventions such as <c>RequireAuthorization()</c>.
    /// </summary>
    public static RouteGroupBuilder MapOData(this IEndpointRouteBuilder endpoints, ODataServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var service = ServiceBindingFactory.Create(definition);
        var dispatcher = new ODataRequestDispatcher(service);
        var group = endpoints.MapGroup("/" + definition.RoutePrefix);
        group.MapGet("/", dispatcher.HandleAsync);
        group.MapGet("/{**" + ODataRequestDispatcher.PathParameter + "}", dispatcher.HandleAsync);
        group.MapMethods("/", ODataRequestDispatcher.WriteMethods, dispatcher.HandleAsync);
        group.MapMethods("/{**" + ODataRequestDispatcher.PathParameter + "}", ODataRequestDispatcher.WriteMethods, dispatcher.HandleAsync);
        return group;
    }
}
