using Engage.OData.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Engage.OData.Errors;

/// <summary>
/// Runs an endpoint and answers every failure as an OData error. When the response has already
/// started streaming, the connection is aborted instead so the client sees a truncated payload.
/// </summary>
internal static class ODataEndpointGuard
{
    public static async Task RunAsync(HttpContext context, Func<HttpContext, Task> endpoint)
    {
        try
        {
            await endpoint(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a Power Query preview stops reading early): nothing to answer.
        }
        catch (Exception exception)
        {
            var error = ODataErrorMapper.FromEndpoint(exception);
            Log(context, error);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            // Undo only what the engine set: headers added by the host's middleware (CORS…) stay.
            context.Response.Headers.Remove(ODataHeaders.PreferenceApplied);
            context.Response.Headers.ETag = default;
            context.Response.Headers.Location = default;
            context.Response.Headers.Remove("OData-EntityId");
            context.Response.ContentLength = null;
            await ODataErrorWriter.WriteAsync(context.Response, error, context.RequestAborted);
        }
    }

    private static void Log(HttpContext context, ODataRequestException error)
    {
        var logger = context.RequestServices?.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory
            ? factory.CreateLogger("Engage.OData")
            : null;
        if (logger is null)
        {
            return;
        }

        // The query string may carry an API key: only the path is logged.
        if (error.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(error.InnerException, "OData request {Path} failed", context.Request.Path);
        }
        else
        {
            logger.LogDebug(error.InnerException, "OData request {Path} refused with {Status}: {Message}",
                context.Request.Path, error.StatusCode, error.Message);
        }
    }
}
