using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Engage.OData.Json;

/// <summary>The control information written before a feed's rows.</summary>
internal sealed record FeedHeader(string? Context, long? Count, bool Ieee754Compatible)
{
    /// <summary>The writer options of every response body: no validation cost, no escaping beyond what JSON needs.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Writes <c>{</c>, the context URL and the count (a string when IEEE754Compatible), and opens the <c>value</c> array.</summary>
    public void WriteOpening(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Context is not null)
        {
            writer.WriteString(ODataJsonNames.Context, Context);
        }

        if (Count is { } count)
        {
            if (Ieee754Compatible)
            {
                writer.WriteString(ODataJsonNames.Count, count.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNumber(ODataJsonNames.Count, count);
            }
        }

        writer.WriteStartArray(ODataJsonNames.Value);
    }
}
