using System.Globalization;
using System.Text.Json;

namespace Engage.Plugins.Shared;

/// <summary>
/// Reading a network's JSON without serializer types (no metadata cache that would pin the plugin in memory). Linked
/// into the Mastodon and Bluesky connectors (each compiles its own internal copy; plugins share nothing but the SDK).
/// </summary>
internal static class Json
{
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A required string; a missing one means the answer is not what the network documents.</summary>
    public static string Need(this JsonElement e, string name, string what) =>
        e.Str(name) ?? throw new FormatException($"{what} has no '{name}'");

    /// <summary>An optional integer: null when missing (unknown), never 0 in its place.</summary>
    public static long? Long(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    public static JsonElement? Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    /// <summary>A required array; a missing one means the answer is not what the network documents.</summary>
    public static IReadOnlyList<JsonElement> NeedArray(this JsonElement e, string name, string what) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().ToList()
            : throw new FormatException($"{what} has no '{name}' list");

    /// <summary>A required time (RFC 3339, <c>2024-05-01T09:14:22.318Z</c>).</summary>
    public static DateTimeOffset Time(this JsonElement e, string name, string what) =>
        TryTime(e.Need(name, what), out var t) ? t : throw new FormatException($"{what} has an unreadable '{name}'");

    /// <summary>Reads an RFC 3339 time; one without an offset is taken as UTC.</summary>
    public static bool TryTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
