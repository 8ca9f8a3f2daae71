using System.Text.Json;
using Engage.OData.Binding;
using Engage.OData.Hosting;
using Engage.OData.Json;
using Engage.OData.Query;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Metadata;

/// <summary>Serves the JSON service document at the service root: one entry per entity set.</summary>
internal static class ServiceDocumentEndpoint
{
    public static async Task WriteAsync(HttpContext context, ServiceBinding service)
    {
        var request = context.Request;
        var definition = service.Definition;
        var options = RawQueryOptions.Parse(request.QueryString.Value, definition.MaxQueryStringLength, definition.MaxQueryOptionLength);
        var format = JsonFormatNegotiator.Negotiate(request, options);
        var urls = ServiceUrls.From(request, definition.RoutePrefix);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(ODataJsonNames.Context, urls.Metadata);
            writer.WriteStartArray(ODataJsonNames.Value);
            foreach (var entitySet in service.EntitySets)
            {
                writer.WriteStartObject();
                writer.WriteString("name", entitySet.Name);
                writer.WriteString("kind", "EntitySet");
                writer.WriteString("url", entitySet.Name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var response = context.Response;
        ODataHeaders.SetVersion(response);
        response.ContentType = format.ContentType;
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
