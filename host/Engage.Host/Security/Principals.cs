namespace Engage.Host.Security;

/// <summary>The principal <see cref="ApiKeyMiddleware"/> authenticated for a request (null only on the health endpoint).</summary>
internal static class Principals
{
    public static ApiKeyStore.Principal? Of(HttpContext context) => context.Items[ApiKeyMiddleware.PrincipalItem] as ApiKeyStore.Principal;
}
