namespace Engage.Host.Security.KeyRing;

/// <summary>
/// The loggers Data Protection's key manager writes through, minus its one vague warning ("No XML encryptor configured. Key
/// … may be persisted to storage in unencrypted form."): Engage says at start, in its own words, how the key ring is
/// protected and how to add a certificate (<see cref="KeyRingProtection"/>). Every other message passes unchanged.
/// </summary>
internal sealed class KeyManagerLoggers(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>The event name of the warning that is replaced (Data Protection's LoggingExtensions).</summary>
    public const string ReplacedEvent = "NoXMLEncryptorConfiguredKeyMayBePersistedToStorageInUnencryptedForm";

    public ILogger CreateLogger(string categoryName) => new Filtered(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The host owns the inner factory.
    }

    private sealed class Filtered(ILogger logger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!string.Equals(eventId.Name, ReplacedEvent, StringComparison.OrdinalIgnoreCase))
            {
                logger.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
