using System.Text.RegularExpressions;

namespace Engage.Host.Security.Secrets;

/// <summary>
/// Masks whole Engage API keys (<c>engage_</c> and at least 20 more key characters) in text: <c>engage_***</c>. The public
/// prefix shown by <c>keys list</c> (<c>engage_</c> and 8 characters) stays readable. Cheap for text without a key: one ordinal search.
/// </summary>
internal static partial class ApiKeyMask
{
    public const string Masked = "engage_***";

    /// <summary><paramref name="text"/> with every whole API key masked; the same instance when there is none.</summary>
    public static string Apply(string text) =>
        text.Contains("engage_", StringComparison.Ordinal) ? Key().Replace(text, Masked) : text;

    [GeneratedRegex("engage_[A-Za-z0-9_-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}
