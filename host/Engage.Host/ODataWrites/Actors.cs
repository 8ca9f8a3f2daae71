using Engage.Host.Security;

namespace Engage.Host.ODataWrites;

/// <summary>Who is making a request: the name of the API key that authenticated it.</summary>
internal static class Actors
{
    public static string Of(HttpContext context) =>
        Principals.Of(context) is { } principal ? principal.Name : "unknown";
}
