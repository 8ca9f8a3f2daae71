using System.Net;
using System.Text;

namespace Engage.Plugins.Mastodon.Mapping;

/// <summary>
/// Mastodon's sanitised status HTML (<c>&lt;p&gt; &lt;br&gt; &lt;span&gt; &lt;a&gt;</c>) as plain text: paragraphs
/// separated by a blank line, <c>&lt;br&gt;</c> as a line break, tags dropped, entities decoded. Link text is kept whole
/// (Mastodon hides part of long links in invisible spans; their text is kept, so the full address remains). Every other
/// character (emoji, Persian, Hebrew, combining marks) is passed through exactly as sent.
/// </summary>
internal static class HtmlText
{
    public static string? ToPlain(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var text = new StringBuilder(html.Length);
        var paragraphEnded = false;
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '<' && html.IndexOf('>', i) is var end && end > i)
            {
                var tag = html[(i + 1)..end].Trim();
                var closing = tag.StartsWith('/');
                var name = new string(tag.TrimStart('/').TakeWhile(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
                if (name == "br")
                {
                    text.Append('\n');
                }
                else if (name == "p" && closing)
                {
                    paragraphEnded = true;
                }

                i = end + 1;
                continue;
            }

            var next = html.IndexOf('<', i + 1);
            if (next < 0)
            {
                next = html.Length;
            }

            var run = WebUtility.HtmlDecode(html[i..next]);
            if (run.Length > 0)
            {
                if (paragraphEnded && text.Length > 0)
                {
                    text.Append("\n\n");
                }

                paragraphEnded = false;
                text.Append(run);
            }

            i = next;
        }

        return text.ToString();
    }
}
