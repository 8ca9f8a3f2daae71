using System.Text;
using System.Text.Json;

namespace Engage.Plugins.Bluesky.Mapping;

/// <summary>
/// Rich-text facets (<c>app.bsky.richtext.facet</c>): their <c>index.byteStart/byteEnd</c> are UTF-8 <b>byte</b> offsets into
/// the post text, so spans are cut from the text's UTF-8 bytes, never by string index (an emoji before a link is 4 bytes
/// but 2 chars; a Persian or Hebrew letter is 2 bytes but 1 char). A span whose offsets are outside the text or cut a
/// character in two is skipped, as Bluesky's own clients do.
/// </summary>
internal static class Facets
{
    /// <summary>The mentions, links and tags of a post record, each with the text it covers.</summary>
    public static IReadOnlyList<FacetSpan> Read(JsonElement record)
    {
        var text = record.Str("text") ?? "";
        var bytes = Encoding.UTF8.GetBytes(text);
        var spans = new List<FacetSpan>();
        foreach (var facet in record.Array("facets"))
        {
            var index = facet.Obj("index");
            if (index?.Long("byteStart") is not { } start || index?.Long("byteEnd") is not { } end
                || start < 0 || end <= start || end > bytes.Length || !Boundary(bytes, (int)start) || !Boundary(bytes, (int)end))
            {
                continue;
            }

            var covered = Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));
            foreach (var feature in facet.Array("features"))
            {
                FacetSpan? span = feature.Str("$type") switch
                {
                    "app.bsky.richtext.facet#mention" when feature.Str("did") is { } did => new(FacetKind.Mention, covered, did),
                    "app.bsky.richtext.facet#link" when feature.Str("uri") is { } uri => new(FacetKind.Link, covered, uri),
                    "app.bsky.richtext.facet#tag" when feature.Str("tag") is { } tag => new(FacetKind.Tag, covered, tag),
                    _ => null,
                };
                if (span is not null)
                {
                    spans.Add(span);
                }
            }
        }

        return spans;
    }

    /// <summary>Facets for the mentions (<c>@handle</c>, resolved to a DID by <paramref name="resolve"/>) and web links of a text to publish.</summary>
    public static async Task<IReadOnlyList<(int ByteStart, int ByteEnd, FacetKind Kind, string Value)>> ComputeAsync(
        string text, Func<string, Task<string?>> resolve)
    {
        var found = new List<(int ByteStart, int ByteEnd, FacetKind Kind, string Value)>();
        var links = new List<(int Start, int End)>();
        foreach (System.Text.RegularExpressions.Match match in Patterns.Link().Matches(text))
        {
            var uri = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            links.Add((match.Index, match.Index + uri.Length));
            found.Add((ByteOffset(text, match.Index), ByteOffset(text, match.Index + uri.Length), FacetKind.Link, uri));
        }

        foreach (System.Text.RegularExpressions.Match match in Patterns.Mention().Matches(text))
        {
            var at = match.Groups["at"].Index;
            var handle = match.Groups["handle"].Value.TrimEnd('.');
            if (links.Any(l => at >= l.Start && at < l.End))
            {
                continue; // an @ inside a link (https://host/@name) belongs to the link
            }

            if (await resolve(handle).ConfigureAwait(false) is { } did)
            {
                found.Add((ByteOffset(text, at), ByteOffset(text, at + 1 + handle.Length), FacetKind.Mention, did));
            }
        }

        return found.OrderBy(f => f.ByteStart).ToList();
    }

    /// <summary>The UTF-8 byte offset of a string index.</summary>
    public static int ByteOffset(string text, int charIndex) => Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));

    /// <summary>True when <paramref name="at"/> is not inside a multi-byte character (a continuation byte is 10xxxxxx).</summary>
    private static bool Boundary(byte[] bytes, int at) => at == bytes.Length || (bytes[at] & 0xC0) != 0x80;
}
