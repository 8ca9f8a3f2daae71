using Microsoft.Extensions.Logging;

namespace Engage.Sdk.Testing.Context;

/// <summary>
/// A logger that keeps every line it is given (formatted, with the exception's text), so that a test can check
/// what a connector logs, and that no secret ever appears in it (<see cref="Contains"/>).
/// </summary>
public sealed class RecordingLogger : ILogger
{
    private readonly List<LogLine> _lines = [];
    private readonly Lock _gate = new();

    /// <summary>The lines logged so far.</summary>
    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToList();
            }
        }
    }

    /// <summary>True when any line (message or exception text) contains <paramref name="text"/> (ordinal).</summary>
    /// <param name="text">What to look for, such as a secret's value.</param>
    public bool Contains(string text) =>
        Lines.Any(l => l.Message.Contains(text, StringComparison.Ordinal) || (l.Exception?.Contains(text, StringComparison.Ordinal) ?? false));

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var line = new LogLine(logLevel, formatter(state, exception), exception?.ToString());
        lock (_gate)
        {
            _lines.Add(line);
        }
    }
}
