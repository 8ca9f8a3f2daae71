namespace Engage.Sdk.Failures;

/// <summary>How the host should react to a <see cref="PluginException"/>.</summary>
public enum PluginFailureKind
{
    /// <summary>A passing fault (network error, 5xx): retry with exponential back-off.</summary>
    Transient,

    /// <summary>The network throttled the call: retry after <see cref="PluginException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The credentials were refused: the connection needs new ones; no retry until they change.</summary>
    CredentialsInvalid,

    /// <summary>Retrying will not help (bad settings, unsupported data): stop and show the message.</summary>
    Permanent,
}
