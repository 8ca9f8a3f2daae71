namespace Engage.Host.Security.Secrets;

/// <summary>
/// The host's logger factory: every logger masks whole API keys (<see cref="ApiKeyMask"/>) in the formatted message and the
/// exception text, whoever writes it. ASP.NET Core's own request log ("Request starting … ?api_key=…", written before any
/// middleware runs, at Information when <c>Microsoft.AspNetCore</c> logging is turned up) is the reason: a key sent as a query
/// parameter (Power BI's Web API credential) must not reach the log. Messages without a key pass through unchanged.
/// </summary>
internal sealed class ApiKeyMaskingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Masking(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class Masking(ILogger logger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!logger.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var masked = ApiKeyMask.Apply(message);
            var exceptionText = exception?.ToString();
            if (ReferenceEquals(masked, message) && (exceptionText is null || ReferenceEquals(ApiKeyMask.Apply(exceptionText), exceptionText)))
            {
                logger.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var cleanException = exception is null ? null : new RedactedException(exception, ApiKeyMask.Apply(exceptionText!), ApiKeyMask.Apply(exception.Message));
            logger.Log(logLevel, eventId, masked, cleanException, static (text, _) => text);
        }
    }
}
