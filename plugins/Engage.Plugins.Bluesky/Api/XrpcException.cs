using System.Net;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Bluesky.Api;

/// <summary>An XRPC error answer (<c>{"error":"Name","message":"…"}</c>), classified, with its error name for callers that handle one.</summary>
/// <param name="message">What went wrong and what to do.</param>
/// <param name="kind">How the host reacts.</param>
/// <param name="status">The HTTP status.</param>
/// <param name="error">The XRPC error name, such as <c>ExpiredToken</c>, if the body had one.</param>
internal sealed class XrpcException(string message, PluginFailureKind kind, HttpStatusCode status, string? error)
    : PluginException(message, kind)
{
    public HttpStatusCode Status { get; } = status;

    public string? Error { get; } = error;
}
