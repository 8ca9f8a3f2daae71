using System.Globalization;
using System.Text;
using System.Text.Json;
using Engage.Plugins.Demo.Generation;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Demo.Sync;

/// <summary>
/// Where the demo's sync stands: <c>{"v":1,"anchor":"2025-01-01","last":"2025-01-02T00:00:00.0000000Z"}</c>.
/// The anchor is the first day of the invented history (fixed at the first sync); <c>last</c> is the end
/// of the last window sent. Written and read by hand (no serializer metadata cache that would pin the
/// plugin in memory).
/// </summary>
/// <param name="Anchor">The first day of history.</param>
/// <param name="LastEmitted">Everything up to and including this moment has been sent.</param>
internal sealed record DemoCursor(DateOnly Anchor, DateTimeOffset LastEmitted)
{
    private const int FormatVersion = 1;
    private const string MomentFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The cursor of a first sync: <paramref name="historyDays"/> whole days before today.</summary>
    public static DemoCursor Start(DateTimeOffset now, int historyDays)
    {
        var anchor = DemoTime.Day(now).AddDays(-historyDays);
        return new DemoCursor(anchor, DemoTime.Start(anchor));
    }

    public string Write()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteString("anchor", Anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("last", LastEmitted.UtcDateTime.ToString(MomentFormat, CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a cursor written by <see cref="Write"/>; anything else is a permanent failure.</summary>
    public static DemoCursor Read(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(cursor);
            var root = document.RootElement;
            if (root.GetProperty("v").GetInt32() != FormatVersion)
            {
                throw Unreadable(cursor, $"it has format version {root.GetProperty("v").GetRawText()}, this connector reads version {FormatVersion}");
            }

            var anchor = DateOnly.ParseExact(root.GetProperty("anchor").GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = DateTimeOffset.ParseExact(
                root.GetProperty("last").GetString() ?? "", MomentFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            if (last < DemoTime.Start(anchor))
            {
                throw Unreadable(cursor, "its last moment lies before its first day");
            }

            return new DemoCursor(anchor, last);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw Unreadable(cursor, e.Message, e);
        }
    }

    private static PluginException Unreadable(string cursor, string reason, Exception? inner = null)
    {
        var shown = cursor.Length > 80 ? cursor[..80] + "…" : cursor;
        return new PluginException(
            $"The demo connector cannot read its sync cursor '{shown}' ({reason}). Reset the connection's sync state to start the demo history again.",
            PluginFailureKind.Permanent,
            innerException: inner);
    }
}
