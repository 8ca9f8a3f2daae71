namespace Engage.Plugins.Bluesky.Mapping;

/// <summary>One facet feature with the text it covers.</summary>
/// <param name="Kind">Mention, link or tag.</param>
/// <param name="Text">The covered text, cut by UTF-8 byte offsets (<c>@partner.example.com</c>, <c>example.com/spring…</c>).</param>
/// <param name="Value">The mentioned DID, the full link address or the tag.</param>
internal sealed record FacetSpan(FacetKind Kind, string Text, string Value);
