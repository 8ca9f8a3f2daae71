using System.Net;
using System.Text.Json;
using Engage.Plugins.Bluesky.Api;
using Engage.Plugins.Bluesky.Settings;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Bluesky.Auth;

/// <summary>What a refused sign-in (<c>createSession</c>) means for the operator.</summary>
internal static class SessionErrors
{
    private const string NewAppPassword = "Create an app password in Bluesky (Settings > Privacy and security > App passwords) and enter it in the connection's settings.";

    public static PluginException ForCreate(XrpcException e, BlueskySettings settings) => e.Error switch
    {
        "AuthFactorTokenRequired" => new PluginException(
            $"Bluesky asks for the sign-in code sent by email for {settings.Handle}: that happens with the account's main password. Use an app password instead "
            + "(app passwords need no email code). " + NewAppPassword, PluginFailureKind.CredentialsInvalid),
        "AccountTakedown" => new AccountUnavailableException(
            $"The Bluesky account {settings.Handle} has been taken down by its service's moderation; it cannot be read or posted to. Contact the service "
            + "(for bsky.social: Bluesky's moderation appeal) before syncing again."),
        _ when e.Status == HttpStatusCode.Unauthorized || e.Error is "AuthenticationRequired" or "InvalidToken" => new PluginException(
            $"Bluesky ({settings.Service.Authority}) refused the handle {settings.Handle} with this app password. Check the handle, or whether the app password "
            + "was revoked. " + NewAppPassword, PluginFailureKind.CredentialsInvalid),
        _ when e.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented => new PluginException(
            $"{settings.Service.Authority} is not an AT Protocol PDS (createSession answered {(int)e.Status}). Check the service URL; accounts hosted by Bluesky use "
            + BlueskySettings.DefaultService + ".", PluginFailureKind.Permanent),
        _ => e,
    };

    /// <summary>A session of an account that is not active (takendown, suspended, deactivated) cannot be used.</summary>
    public static void CheckActive(JsonElement session, BlueskySettings settings)
    {
        if (session.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.False)
        {
            var status = session.Str("status") ?? "inactive";
            throw new AccountUnavailableException(
                $"The Bluesky account {settings.Handle} is {status}: {(status == "deactivated" ? "reactivate it by signing in to Bluesky" : "contact its service's moderation")} "
                + "before syncing again.");
        }
    }
}
