using System.Globalization;

namespace Engage.Host.Security;

/// <summary>The answer to a locked-out address: 429 with <c>Retry-After</c> (whole seconds) and an OData error body.</summary>
internal static class LockoutResponse
{
    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter, DateTimeOffset until)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        var at = until.ToUniversalTime();
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["OData-Version"] = "4.0";
        return context.Response.WriteAsJsonAsync(new
        {
            error = new
            {
                code = "TooManyRequests",
                message = "Too many failed authentications from this address: no key is checked until " +
                          $"{at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({seconds.ToString(CultureInfo.InvariantCulture)} s). " +
                          "Check the API key the client sends, then retry after that time.",
                target = "Retry-After",
            },
        }, context.RequestAborted);
    }
}
