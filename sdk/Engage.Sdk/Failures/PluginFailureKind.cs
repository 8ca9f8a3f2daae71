namespace Engage.Sdk.Failures;

/// <summary>How the host should react to a <see cref="PluginException"/>.</summary>
public enum PluginFailureKind
{
    /// <summary>A passing fault (network error, 5xx): retry with exponential back-off.</summary>
    Transient,

    /// <summary>
    /// The network throttled the call. For the host this is a pause, not a failure: what the run committed before (batches
    /// and their cursor) stays, the run is recorded as <c>RateLimited</c>, the connection shows status <c>RateLimited</c>
    /// (no error) and its next run starts after <see cref="PluginException.RetryAfter"/> (the network's reset; at least 5 s,
    /// at most 24 h; without one, the host's usual back-off) from the stored cursor. It does not count as a failure of the
    /// connection. Only when 10 rate-limited runs in a row stored nothing does the connection show <c>Retrying</c> with a
    /// message, so a connector throttled on every run is noticed. Throw it when a wait is too long to sit out inside the call.
    /// </summary>
    RateLimited,

    /// <summary>The credentials were refused: the connection needs new ones; no retry until they change.</summary>
    CredentialsInvalid,

    /// <summary>Retrying will not help (bad settings, unsupported data): stop and show the message.</summary>
    Permanent,
}
