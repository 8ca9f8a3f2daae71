using System.Net;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Mastodon.Settings;

/// <summary>
/// A Mastodon connection's settings: the instance's address (non-secret) and an access token (secret, read only through
/// the secret accessor). The address must be https, except on this machine (<c>localhost</c>, 127.0.0.1, ::1).
/// </summary>
/// <param name="Instance">The instance's root address, without a trailing slash.</param>
internal sealed record MastodonSettings(Uri Instance)
{
    public const string InstanceUrlKey = "instanceUrl";
    public const string AccessTokenKey = "accessToken";

    /// <summary>The scopes the access token needs.</summary>
    public const string Scopes = "read:accounts read:statuses read:notifications write:statuses";

    public static IReadOnlyList<SettingDefinition> Definitions { get; } =
    [
        new(InstanceUrlKey, "Instance URL")
        {
            Description = "The address of the account's Mastodon server, such as https://mastodon.social.",
            Required = true,
        },
        new(AccessTokenKey, "Access token")
        {
            Description = "An access token of the account with the scopes " + Scopes + ". Create one on the instance under "
                + "Preferences > Development > New application, then copy 'Your access token'.",
            Required = true,
            IsSecret = true,
        },
    ];

    /// <summary>Checks the settings without side effects (no network, no clock); an empty list means they are fine.</summary>
    public static IReadOnlyList<SettingError> Validate(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TryRead(settings, out _, out var error) ? [] : [error!];
    }

    /// <summary>Reads the settings; throws a permanent failure when they are invalid.</summary>
    public static MastodonSettings Read(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TryRead(settings, out var read, out var error)
            ? read!
            : throw new PluginException("The Mastodon connection's settings are invalid: " + error!.Message, PluginFailureKind.Permanent);
    }

    private static bool TryRead(IReadOnlyDictionary<string, string?> settings, out MastodonSettings? read, out SettingError? error)
    {
        read = null;
        error = null;
        var text = settings.GetValueOrDefault(InstanceUrlKey)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = new SettingError(InstanceUrlKey, "Enter the address of the Mastodon instance, such as https://mastodon.social.");
            return false;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = new SettingError(InstanceUrlKey, $"'{text}' is not a web address; enter the instance's address starting with https://, such as https://mastodon.social.");
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            error = new SettingError(InstanceUrlKey, $"'{text}' uses http; the access token must travel encrypted: use https://{uri.Authority}.");
            return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || uri.AbsolutePath.Trim('/').Length > 0)
        {
            error = new SettingError(InstanceUrlKey, $"Enter only the instance's address, such as {uri.Scheme}://{uri.Authority}, without a path, query or user name.");
            return false;
        }

        read = new MastodonSettings(new Uri($"{uri.Scheme}://{uri.Authority}"));
        return true;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
