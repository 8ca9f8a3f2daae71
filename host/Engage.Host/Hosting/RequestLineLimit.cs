namespace Engage.Host.Hosting;

/// <summary>
/// Kestrel's request-line limit, derived from the OData query-string limit (<c>Engage:OData:MaxQueryStringLength</c>):
/// Kestrel's default (8 KB) would answer a long Power Query URL with a bare 414 before the engine sees it. With the
/// query-string limit plus room for the method, path and protocol, the engine answers a query within its limit and
/// refuses a longer one with a 400 and an OData error body; only a line longer still gets Kestrel's 414.
/// </summary>
internal static class RequestLineLimit
{
    /// <summary>Room for <c>GET</c>, the path, the <c>?</c> and <c>HTTP/1.1</c> around the query string (Kestrel's old default for the whole line).</summary>
    public const int PathRoom = 8 * 1024;

    /// <summary>The largest query-string limit accepted: 1 MiB.</summary>
    public const int MaxQueryStringLength = 1024 * 1024;

    public static int For(int maxQueryStringLength) => maxQueryStringLength is > 0 and <= MaxQueryStringLength
        ? maxQueryStringLength + PathRoom
        : throw new InvalidOperationException(
            $"Engage:OData:MaxQueryStringLength is {maxQueryStringLength}; it must be between 1 and {MaxQueryStringLength} characters.");
}
