using System.Globalization;
using System.Text.Json;

namespace Engage.Plugins.Mastodon.Api;

/// <summary>Reading Mastodon's JSON without serializer types (no metadata cache that would pin the plugin in memory).</summary>
internal static class Json
{
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A required string; a missing one means the answer is not what Mastodon sends.</summary>
    public static string Need(this JsonElement e, string name, string what) =>
        e.Str(name) ?? throw new FormatException($"{what} has no '{name}'");

    public static long? Long(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    public static JsonElement? Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    /// <summary>A required time (RFC 3339, <c>2019-12-08T03:48:33.901Z</c>).</summary>
    public static DateTimeOffset Time(this JsonElement e, string name, string what) =>
        DateTimeOffset.TryParse(e.Need(name, what), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new FormatException($"{what} has an unreadable '{name}'");
}
