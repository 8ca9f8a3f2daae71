using System.Text.Encodings.Web;
using System.Text.Json;
using Engage.Host.Store;

namespace Engage.Host.Privacy.Export;

/// <summary>
/// The JSON form of an export: one indented UTF-8 document, a header (<c>generatedAt</c>, <c>workspaceId</c>,
/// <c>contactIds</c>, <c>counts</c>) and one array of row objects per table. Non-ASCII text is written as is.
/// </summary>
internal static class SubjectJsonWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync(SubjectExport export, Stream stream, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        WriteHeader(json, export);
        foreach (var table in export.Tables)
        {
            json.WriteStartArray(Camel(table.Name));
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    WriteValue(json, table.Columns[c], row[c]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The header alone, as the CSV package's <c>export.json</c>.</summary>
    public static async Task WriteHeaderAsync(SubjectExport export, Stream stream, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteHeader(json, export);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteHeader(Utf8JsonWriter json, SubjectExport export)
    {
        json.WriteString("generatedAt", DbTime.Format(export.GeneratedAt));
        json.WriteNumber("workspaceId", export.WorkspaceId);
        json.WriteStartArray("contactIds");
        foreach (var id in export.ContactIds)
        {
            json.WriteNumberValue(id);
        }

        json.WriteEndArray();
        json.WriteStartObject("counts");
        foreach (var (table, count) in export.Counts)
        {
            json.WriteNumber(Camel(table), count);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string column, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(column);
                break;
            case long number when SubjectTable.BooleanColumns.Contains(column):
                json.WriteBoolean(column, number != 0);
                break;
            case long number:
                json.WriteNumber(column, number);
                break;
            case double real:
                json.WriteNumber(column, real);
                break;
            default:
                json.WriteString(column, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
