using System.Text;

namespace Engage.Host.Security;

/// <summary>
/// Requires an API key on every request except the health endpoint. Accepts the key the ways BI tools
/// send it: <c>Authorization: Bearer KEY</c>, HTTP Basic with the key as password (any user name, as
/// Power Query sends a key credential), or a query parameter (default <c>api_key</c>, Power BI's Web API
/// credential). A missing or wrong key answers 401 with <c>WWW-Authenticate</c> so the tools prompt. Wrong keys are
/// counted per client address (<see cref="FailedAuthLimiter"/>); a locked-out address answers 429 without any key
/// being checked.
/// </summary>
internal sealed class ApiKeyMiddleware(
    RequestDelegate next, ApiKeyStore keys, FailedAuthLimiter limiter, string queryParameter, ILogger<ApiKeyMiddleware> logger)
{
    public const string PrincipalItem = "Engage.Principal";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        var address = ClientAddress.Key(context.Connection.RemoteIpAddress);
        if (limiter.LockedOut(address) is { } wait)
        {
            await LockoutResponse.WriteAsync(context, wait.Remaining, wait.Until);
            return;
        }

        var presented = Extract(context.Request, queryParameter);
        var principal = presented is null ? null : await keys.AuthenticateAsync(presented, context.RequestAborted);
        if (principal is null)
        {
            if (presented is not null && limiter.RecordFailure(address) is { } lockout)
            {
                logger.LogWarning("Locked out {Address} for {Seconds} s (lockout {Strike} of this address) after {Failures} failed authentications",
                    lockout.Address, lockout.RetryAfter.TotalSeconds, lockout.Strike, lockout.Failures);
                await LockoutResponse.WriteAsync(context, lockout.RetryAfter, lockout.Until);
                return;
            }

            logger.LogWarning("Rejected a request to {Path} from {Address}: {Why}", context.Request.Path,
                context.Connection.RemoteIpAddress, presented is null ? "no API key" : "unknown, revoked or expired API key");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.Append("WWW-Authenticate", "Basic realm=\"Engage\", charset=\"UTF-8\"");
            context.Response.Headers.Append("WWW-Authenticate", "Bearer realm=\"Engage\"");
            context.Response.Headers["OData-Version"] = "4.0";
            await context.Response.WriteAsJsonAsync(new
            {
                error = new
                {
                    code = "Unauthorized",
                    message = "An API key is required: send it as 'Authorization: Bearer <key>', as the password of HTTP Basic, " +
                              $"or as the '{queryParameter}' query parameter. The first key is in the data folder (admin-key.txt).",
                },
            }, context.RequestAborted);
            return;
        }

        limiter.RecordSuccess(address);
        context.Items[PrincipalItem] = principal;
        await next(context);
    }

    private static string? Extract(HttpRequest request, string queryParameter)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return token.Length > 0 ? token : null;
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 ? decoded[(colon + 1)..] : decoded;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return request.Query.TryGetValue(queryParameter, out var value) && value.Count == 1 ? value[0] : null;
    }
}
