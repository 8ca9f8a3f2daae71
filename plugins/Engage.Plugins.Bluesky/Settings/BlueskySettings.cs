using System.Net;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Bluesky.Settings;

/// <summary>
/// A Bluesky connection's settings: the account's handle, its PDS (default <c>https://bsky.social</c>) and an app password
/// (secret, read only through the secret accessor). The PDS address must be https, except on this machine.
/// </summary>
/// <param name="Handle">The handle (or DID) without a leading @, such as <c>acme.bsky.social</c>.</param>
/// <param name="Service">The PDS's root address, without a trailing slash.</param>
internal sealed record BlueskySettings(string Handle, Uri Service)
{
    public const string HandleKey = "handle";
    public const string AppPasswordKey = "appPassword";
    public const string ServiceUrlKey = "serviceUrl";
    public const string DefaultService = "https://bsky.social";

    public static IReadOnlyList<SettingDefinition> Definitions { get; } =
    [
        new(HandleKey, "Handle")
        {
            Description = "The account's handle, such as acme.bsky.social or acme.com (or its did:plc:… identifier).",
            Required = true,
        },
        new(AppPasswordKey, "App password")
        {
            Description = "An app password of the account (xxxx-xxxx-xxxx-xxxx), not its main password. Create one in Bluesky under "
                + "Settings > Privacy and security > App passwords.",
            Required = true,
            IsSecret = true,
        },
        new(ServiceUrlKey, "Service URL")
        {
            Description = "The account's PDS (hosting provider). Leave the default for accounts hosted by Bluesky.",
            DefaultValue = DefaultService,
        },
    ];

    /// <summary>Checks the settings without side effects; an empty list means they are fine.</summary>
    public static IReadOnlyList<SettingError> Validate(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TryRead(settings, out _, out var error) ? [] : [error!];
    }

    /// <summary>Reads the settings; throws a permanent failure when they are invalid.</summary>
    public static BlueskySettings Read(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TryRead(settings, out var read, out var error)
            ? read!
            : throw new PluginException("The Bluesky connection's settings are invalid: " + error!.Message, PluginFailureKind.Permanent);
    }

    private static bool TryRead(IReadOnlyDictionary<string, string?> settings, out BlueskySettings? read, out SettingError? error)
    {
        read = null;
        error = null;
        var handle = settings.GetValueOrDefault(HandleKey)?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(handle))
        {
            error = new SettingError(HandleKey, "Enter the account's handle, such as acme.bsky.social.");
            return false;
        }

        if (!handle.StartsWith("did:", StringComparison.Ordinal) && (!handle.Contains('.', StringComparison.Ordinal)
            || handle.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')) || handle.StartsWith('.') || handle.EndsWith('.')))
        {
            error = new SettingError(HandleKey, $"'{handle}' is not a Bluesky handle; enter it as shown on the profile, such as acme.bsky.social (without spaces or an @).");
            return false;
        }

        var text = settings.GetValueOrDefault(ServiceUrlKey)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            text = DefaultService;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = new SettingError(ServiceUrlKey, $"'{text}' is not a web address; enter the PDS address starting with https://, such as {DefaultService}.");
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            error = new SettingError(ServiceUrlKey, $"'{text}' uses http; the app password must travel encrypted: use https://{uri.Authority}.");
            return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || uri.AbsolutePath.Trim('/').Length > 0)
        {
            error = new SettingError(ServiceUrlKey, $"Enter only the PDS address, such as {uri.Scheme}://{uri.Authority}, without a path, query or user name.");
            return false;
        }

        read = new BlueskySettings(handle.StartsWith("did:", StringComparison.Ordinal) ? handle : handle.ToLowerInvariant(), new Uri($"{uri.Scheme}://{uri.Authority}"));
        return true;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
