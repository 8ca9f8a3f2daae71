using System.Text.Json;

namespace Engage.Plugins.Mastodon.Api;

/// <summary>One answer of the instance: its JSON (a detached copy) and its paging links.</summary>
/// <param name="Root">The parsed body.</param>
/// <param name="Links">The <c>Link</c> header's next and prev addresses.</param>
internal sealed record ApiPage(JsonElement Root, LinkHeader Links)
{
    /// <summary>The items of an array answer.</summary>
    public IReadOnlyList<JsonElement> Items =>
        Root.ValueKind == JsonValueKind.Array
            ? Root.EnumerateArray().ToList()
            : throw new FormatException("the answer is not a JSON array");
}
