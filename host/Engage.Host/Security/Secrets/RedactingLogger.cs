namespace Engage.Host.Security.Secrets;

/// <summary>
/// The logger the host gives a plugin for a connection with secrets: every message (and exception, and scope) is formatted
/// first and written through <paramref name="inner"/> with the connection's secrets masked. A plugin that logs its token
/// leaves "***" in the log.
/// </summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    /// <summary><paramref name="logger"/> itself when there is nothing to redact, otherwise a redacting wrapper.</summary>
    public static ILogger Wrap(ILogger logger, SecretRedactor redactor) => ReferenceEquals(redactor, SecretRedactor.None) ? logger : new RedactingLogger(logger, redactor);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(redactor.Redact(state.ToString()) ?? "");

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = redactor.Redact(formatter(state, exception)) ?? "";
        inner.Log(logLevel, eventId, message, redactor.Redact(exception), static (text, _) => text);
    }
}
