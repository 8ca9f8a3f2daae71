using FluentValidation;

namespace Engage.Host.Api;

/// <summary>
/// The one place that turns exceptions into the user-facing error shape (<c>{"error":{"code","message"}}</c>):
/// bad input answers 400 with what to fix; anything unexpected answers 500 without internals, and is logged.
/// </summary>
internal sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var (status, code, message) = e switch
            {
                ValidationException v => (400, "InvalidInput", string.Join(" ", v.Errors.Select(x => x.ErrorMessage))),
                ArgumentException or FormatException or InvalidDataException => (400, "BadRequest", e.Message),
                KeyNotFoundException => (404, "NotFound", e.Message),
                _ => (500, "InternalError", "Engage hit an unexpected error; the server log has the details (search for the request id " + context.TraceIdentifier + ")."),
            };
            if (status == 500)
            {
                logger.LogError(e, "Unhandled error on {Method} {Path} ({RequestId})", context.Request.Method, context.Request.Path, context.TraceIdentifier);
            }

            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { code, message } });
        }
    }
}
