using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>
/// Looks for secret values in captured text (log lines, HTTP exchanges, console output) and files (as bytes), in each form a
/// secret can travel in: as written, base64 (at each of the three byte alignments), URL-encoded and JSON-escaped. Reports
/// every place it found one, with the secret's name, the form and a little context, never the whole capture.
/// </summary>
internal sealed class SecretScanner
{
    private readonly List<(string Name, string Form, string Needle)> _needles = [];
    private readonly List<(string Where, string Text)> _texts = [];

    /// <summary>Adds a secret to look for; <paramref name="value"/> should be at least 16 characters so its base64 forms are distinctive.</summary>
    public void AddSecret(string name, string value)
    {
        var json = JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default })[1..^1];
        _needles.Add((name, "as written", value));
        _needles.Add((name, "URL-encoded", Uri.EscapeDataString(value)));
        _needles.Add((name, "JSON-escaped", json));
        _needles.Add((name, "JSON-escaped (minimal)", JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1]));
        var bytes = Encoding.UTF8.GetBytes(value);
        for (var shift = 0; shift < 3; shift++)
        {
            // The secret's bytes preceded by 0-2 other bytes: drop the groups that mix with its neighbours.
            var encoded = Convert.ToBase64String([.. new byte[shift], .. bytes]);
            var core = encoded[(shift == 0 ? 0 : 4)..^4];
            _needles.Add((name, $"base64 (offset {shift})", core));
            _needles.Add((name, $"base64url (offset {shift})", core.Replace('+', '-').Replace('/', '_')));
        }
    }

    /// <summary>Captured text, named by where it came from.</summary>
    public void AddText(string where, string text) => _texts.Add((where, text));

    /// <summary>A file's bytes (text or binary), searched byte for byte for the UTF-8 forms.</summary>
    public void AddFile(string where, string path) => _texts.Add((where, Encoding.Latin1.GetString(File.ReadAllBytes(path))));

    /// <summary>How many places were captured (to show the scan saw something).</summary>
    public int Captured => _texts.Count;

    /// <summary>Every (secret, form, place) found, with 40 characters of context either side.</summary>
    public IReadOnlyList<string> Leaks()
    {
        var leaks = new List<string>();
        foreach (var (where, text) in _texts)
        {
            foreach (var (name, form, needle) in _needles.DistinctBy(n => (n.Name, n.Needle)))
            {
                // Files are searched as Latin-1: compare with the needle's UTF-8 bytes read the same way.
                var latin = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(needle));
                var at = text.IndexOf(needle, StringComparison.Ordinal);
                at = at >= 0 ? at : text.IndexOf(latin, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var from = Math.Max(0, at - 40);
                    var context = text.Substring(from, Math.Min(text.Length - from, needle.Length + 80)).ReplaceLineEndings(" ");
                    leaks.Add($"{name} ({form}) in {where}: ...{context}...");
                }
            }
        }

        return leaks;
    }
}
