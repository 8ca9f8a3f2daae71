using Engage.Sdk.Items;

namespace Engage.Sdk.Connectors;

/// <summary>Handles webhook requests the host routes to the connection, after checking size limits.</summary>
public interface IPushSession : IConnectorSession
{
    /// <summary>Verifies and reads one webhook request.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>What to answer, and the items the request carried.</returns>
    Task<PushResponse> HandlePushAsync(PushRequest request, CancellationToken cancellationToken);
}

/// <summary>A webhook request as the host received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Headers">The request headers (names in lower case).</param>
/// <param name="Query">The query string parameters.</param>
/// <param name="Body">The raw body, exactly as received (signatures are computed over these bytes).</param>
public sealed record PushRequest(
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    ReadOnlyMemory<byte> Body);

/// <summary>The answer to a webhook request.</summary>
/// <param name="StatusCode">The HTTP status to answer.</param>
public sealed record PushResponse(int StatusCode)
{
    /// <summary>The body to answer (a verification challenge, for example).</summary>
    public string? Body { get; init; }

    /// <summary>The content type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = "text/plain";

    /// <summary>The items the request carried; the host stores them.</summary>
    public SyncBatch? Items { get; init; }
}
