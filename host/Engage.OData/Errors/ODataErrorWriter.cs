using System.Text.Json;
using Engage.OData.Hosting;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Errors;

/// <summary>Writes the OData JSON error body: {"error":{"code":"…","message":"…","target":"…","details":[…]}}.</summary>
internal static class ODataErrorWriter
{
    public static async Task WriteAsync(HttpResponse response, ODataRequestException error, CancellationToken cancellationToken)
    {
        response.StatusCode = error.StatusCode;
        response.Headers[ODataHeaders.ODataVersion] = ODataHeaders.Version40;
        response.ContentType = ODataHeaders.JsonErrorContentType;
        foreach (var (name, value) in error.Headers)
        {
            response.Headers[name] = value;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            if (error.Target is not null)
            {
                writer.WriteString("target", error.Target);
            }

            if (error.Details.Count > 0)
            {
                writer.WriteStartArray("details");
                foreach (var detail in error.Details)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", detail.Code);
                    writer.WriteString("message", detail.Message);
                    if (detail.Target is not null)
                    {
                        writer.WriteString("target", detail.Target);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }
}
