using System.Net;
using System.Text.Json;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Bluesky.Api;

/// <summary>XRPC error bodies (<c>{"error":"InvalidRequest","message":"…"}</c>) as classified failures with a clear message.</summary>
internal static class XrpcErrors
{
    /// <summary>The error name and message of a body, or <paramref name="fallback"/> when it has none.</summary>
    public static string Text(byte[] body, string fallback)
    {
        var (error, message) = Read(body);
        var text = error is null ? message : message is null ? error : $"{error}: {message}";
        return XrpcClient.Clip(text ?? fallback);
    }

    public static (string? Error, string? Message) Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return (document.RootElement.Str("error"), document.RootElement.Str("message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    public static XrpcException Failure(Uri service, string nsid, HttpStatusCode status, byte[] body)
    {
        var code = (int)status;
        var (error, _) = Read(body);
        var text = Text(body, status.ToString());
        var (kind, advice) = (status, error) switch
        {
            (_, "ExpiredToken") => (PluginFailureKind.CredentialsInvalid, "The session expired; the connector refreshes it."),
            (HttpStatusCode.Unauthorized, _) or (_, "AuthenticationRequired" or "InvalidToken") => (PluginFailureKind.CredentialsInvalid,
                "Create a new app password in Bluesky (Settings > Privacy and security > App passwords) and enter it in the connection's settings."),
            (HttpStatusCode.Forbidden, _) => (PluginFailureKind.CredentialsInvalid,
                "The app password may not do this; create a new app password and enter it in the connection's settings."),
            (HttpStatusCode.NotFound, _) or (HttpStatusCode.NotImplemented, _) => (PluginFailureKind.Permanent,
                "The service does not offer this XRPC method: check that the service URL is the account's PDS, such as https://bsky.social."),
            _ when code >= 500 || status == HttpStatusCode.RequestTimeout => (PluginFailureKind.Transient, "The connection retries later."),
            _ => (PluginFailureKind.Permanent, "Check the connection's settings; retrying the same request will not help."),
        };
        return new XrpcException($"Bluesky ({service.Authority}) answered {nsid} with {code} ({text}). {advice}", kind, status, error);
    }
}
