using System.Text.Encodings.Web;
using System.Text.Json;

namespace Engage.Host.Security.Secrets;

/// <summary>
/// Removes one connection's known secret values from text a plugin hands back to the host (exception messages that end up in
/// <c>SyncRuns.Error</c>, <c>Connections.LastError</c> and the log, and the plugin's own log messages), replacing each with
/// <see cref="Mask"/>. Each secret is searched as written, JSON-escaped and URL-encoded (the forms in which it travels in
/// request bodies and URLs). Cheap: a connection without secrets gets <see cref="None"/>, which returns every text as it is;
/// otherwise one ordinal search per form. A value the plugin stores during a run (a refreshed token) is added with
/// <see cref="Add"/>. Thread-safe.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "***";

    private static readonly JsonSerializerOptions Escaping = new() { Encoder = JavaScriptEncoder.Default };
    private static readonly JsonSerializerOptions MinimalEscaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly bool _fixed;
    private readonly Lock _gate = new();
    private string[] _forms = [];

    private SecretRedactor(bool isFixed) => _fixed = isFixed;

    /// <summary>A redactor that knows no secret (and ignores <see cref="Add"/>): for connections without secrets.</summary>
    public static SecretRedactor None { get; } = new(isFixed: true);

    /// <summary>True when there is nothing to redact.</summary>
    public bool IsEmpty => Volatile.Read(ref _forms).Length == 0;

    /// <summary>A redactor for <paramref name="secrets"/> (empty and blank values are ignored).</summary>
    public static SecretRedactor For(IEnumerable<string?> secrets)
    {
        var redactor = new SecretRedactor(isFixed: false);
        foreach (var secret in secrets)
        {
            redactor.Add(secret);
        }

        return redactor;
    }

    /// <summary>Starts redacting <paramref name="secret"/> too (and its escaped forms).</summary>
    public void Add(string? secret)
    {
        if (_fixed || string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        // JSON as System.Text.Json writes it (\u0022) and as most others do (\"); URL-encoded as in a query string.
        var json = JsonSerializer.Serialize(secret, Escaping)[1..^1];
        var minimalJson = JsonSerializer.Serialize(secret, MinimalEscaping)[1..^1];
        var url = Uri.EscapeDataString(secret);
        lock (_gate)
        {
            // Longest first, so that a secret containing another is masked as a whole.
            _forms = [.. _forms.Union([secret, json, minimalJson, url], StringComparer.Ordinal).OrderByDescending(f => f.Length)];
        }
    }

    /// <summary><paramref name="text"/> with every known secret replaced by <see cref="Mask"/>; null stays null.</summary>
    public string? Redact(string? text)
    {
        var forms = Volatile.Read(ref _forms);
        if (text is null || forms.Length == 0)
        {
            return text;
        }

        foreach (var form in forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// <paramref name="exception"/> as it may be logged: itself when it carries no secret (or nothing is known), otherwise a
    /// <see cref="RedactedException"/> holding its redacted text (type, message, stack trace and inner exceptions).
    /// </summary>
    public Exception? Redact(Exception? exception)
    {
        if (exception is null || IsEmpty)
        {
            return exception;
        }

        var text = exception.ToString();
        var redacted = Redact(text)!;
        return ReferenceEquals(text, redacted) || text == redacted ? exception : new RedactedException(exception, redacted, Redact(exception.Message)!);
    }
}
