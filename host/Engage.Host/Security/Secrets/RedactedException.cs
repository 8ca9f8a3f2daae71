namespace Engage.Host.Security.Secrets;

/// <summary>
/// Stands in for an exception whose text carried a secret: it keeps the original's type name, redacted message and redacted
/// full text (stack trace and inner exceptions), so a log line still shows where it happened, but never the secret.
/// </summary>
internal sealed class RedactedException(Exception original, string redactedText, string redactedMessage)
    : Exception($"{original.GetType().FullName}: {redactedMessage}")
{
    /// <summary>The original exception's type, for classification.</summary>
    public Type OriginalType { get; } = original.GetType();

    /// <summary>The original's message with the secrets masked.</summary>
    public string RedactedMessage { get; } = redactedMessage;

    public override string? StackTrace => null;

    public override string ToString() => redactedText;
}
