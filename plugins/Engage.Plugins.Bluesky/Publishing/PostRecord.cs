using System.Globalization;
using System.Text.Json;
using Engage.Plugins.Bluesky.Mapping;

namespace Engage.Plugins.Bluesky.Publishing;

/// <summary>Writes an <c>app.bsky.feed.post</c> record: text, createdAt, langs, reply refs and facets (UTF-8 byte offsets).</summary>
internal static class PostRecord
{
    public static void Write(Utf8JsonWriter w, string text, DateTimeOffset createdAt, string? language,
        (StrongRef Root, StrongRef Parent)? reply, IReadOnlyList<(int ByteStart, int ByteEnd, FacetKind Kind, string Value)> facets)
    {
        w.WriteStartObject();
        w.WriteString("$type", "app.bsky.feed.post");
        w.WriteString("text", text);
        w.WriteString("createdAt", createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(language))
        {
            w.WriteStartArray("langs");
            w.WriteStringValue(language);
            w.WriteEndArray();
        }

        if (reply is { } r)
        {
            w.WriteStartObject("reply");
            Ref(w, "root", r.Root);
            Ref(w, "parent", r.Parent);
            w.WriteEndObject();
        }

        if (facets.Count > 0)
        {
            w.WriteStartArray("facets");
            foreach (var (start, end, kind, value) in facets)
            {
                w.WriteStartObject();
                w.WriteStartObject("index");
                w.WriteNumber("byteStart", start);
                w.WriteNumber("byteEnd", end);
                w.WriteEndObject();
                w.WriteStartArray("features");
                w.WriteStartObject();
                w.WriteString("$type", kind == FacetKind.Mention ? "app.bsky.richtext.facet#mention" : "app.bsky.richtext.facet#link");
                w.WriteString(kind == FacetKind.Mention ? "did" : "uri", value);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Ref(Utf8JsonWriter w, string name, StrongRef reference)
    {
        w.WriteStartObject(name);
        w.WriteString("uri", reference.Uri);
        w.WriteString("cid", reference.Cid);
        w.WriteEndObject();
    }
}
