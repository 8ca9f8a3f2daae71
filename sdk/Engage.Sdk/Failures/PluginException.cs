namespace Engage.Sdk.Failures;

/// <summary>
/// A failure a plugin understood and classified. The host retries <see cref="PluginFailureKind.Transient"/> failures
/// with back-off, pauses a connection until <see cref="RetryAfter"/> on <see cref="PluginFailureKind.RateLimited"/>
/// (not counted as a failure), marks a connection as needing new credentials on
/// <see cref="PluginFailureKind.CredentialsInvalid"/>, and stops retrying on <see cref="PluginFailureKind.Permanent"/>. Any other exception thrown by a plugin counts as a fault of
/// the plugin itself; a plugin that keeps faulting is quarantined.
/// </summary>
public class PluginException : Exception
{
    /// <summary>Creates a classified failure.</summary>
    /// <param name="message">What went wrong and, where possible, what the operator should do next. Never include secrets.</param>
    /// <param name="kind">How the host should react.</param>
    /// <param name="retryAfter">For rate limits: how long until the network allows calls again (its reset), when it said so.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public PluginException(string message, PluginFailureKind kind, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        RetryAfter = retryAfter;
    }

    /// <summary>How the host should react to this failure.</summary>
    public PluginFailureKind Kind { get; }

    /// <summary>
    /// How long to wait before trying again, when known: for <see cref="PluginFailureKind.RateLimited"/>, the time until the
    /// network's reset, measured from now (the host runs the connection again after it, clamped to 5 s..24 h; null falls back
    /// to the host's back-off). For <see cref="PluginFailureKind.Transient"/>, a longer wait than the back-off's wins.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when trying again later may succeed.</summary>
    public bool IsRetryable => Kind is PluginFailureKind.Transient or PluginFailureKind.RateLimited;
}
