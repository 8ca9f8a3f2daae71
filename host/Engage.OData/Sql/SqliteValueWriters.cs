using System.Buffers.Text;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Engage.OData.Json;
using Microsoft.OData.Edm;

namespace Engage.OData.Sql;

/// <summary>Reads values stored by the SQLite conventions and writes them as OData JSON. Chosen once per column per query.</summary>
internal static class SqliteValueWriters
{
    public static JsonValueWriter For(EdmPrimitiveTypeKind kind, bool ieee754Compatible) => kind switch
    {
        EdmPrimitiveTypeKind.Boolean => WriteBoolean,
        EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32 => WriteInt64,
        EdmPrimitiveTypeKind.Int64 => ieee754Compatible ? WriteInt64AsString : WriteInt64,
        EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double => WriteDouble,
        EdmPrimitiveTypeKind.Decimal => ieee754Compatible ? WriteDecimalAsString : WriteDecimal,
        EdmPrimitiveTypeKind.Date => WriteDate,
        EdmPrimitiveTypeKind.DateTimeOffset => WriteDateTimeOffset,
        EdmPrimitiveTypeKind.String or EdmPrimitiveTypeKind.Guid or EdmPrimitiveTypeKind.TimeOfDay => WriteString,
        _ => throw new NotSupportedException($"Edm.{kind} is not supported by the SQLite storage conventions."),
    };

    private static void WriteBoolean(DbDataReader reader, int ordinal, Utf8JsonWriter writer) =>
        writer.WriteBooleanValue(reader.GetInt64(ordinal) != 0);

    private static void WriteInt64(DbDataReader reader, int ordinal, Utf8JsonWriter writer) =>
        writer.WriteNumberValue(reader.GetInt64(ordinal));

    private static void WriteInt64AsString(DbDataReader reader, int ordinal, Utf8JsonWriter writer)
    {
        Span<byte> buffer = stackalloc byte[24];
        Utf8Formatter.TryFormat(reader.GetInt64(ordinal), buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }

    private static void WriteDouble(DbDataReader reader, int ordinal, Utf8JsonWriter writer)
    {
        var value = reader.GetDouble(ordinal);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            // OData JSON writes the special values as strings.
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "INF" : "-INF");
        }
    }

    // Decimal is stored as REAL: the shortest round-trip form of the double is the faithful text.
    private static void WriteDecimal(DbDataReader reader, int ordinal, Utf8JsonWriter writer) => WriteDouble(reader, ordinal, writer);

    private static void WriteDecimalAsString(DbDataReader reader, int ordinal, Utf8JsonWriter writer) =>
        writer.WriteStringValue(reader.GetDouble(ordinal).ToString("R", CultureInfo.InvariantCulture));

    private static void WriteString(DbDataReader reader, int ordinal, Utf8JsonWriter writer) =>
        writer.WriteStringValue(reader.GetString(ordinal));

    private static void WriteDate(DbDataReader reader, int ordinal, Utf8JsonWriter writer)
    {
        var text = reader.GetString(ordinal);
        if (text.Length == 10)
        {
            writer.WriteStringValue(text);
            return;
        }

        var parsed = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        writer.WriteStringValue(parsed.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture));
    }

    private static void WriteDateTimeOffset(DbDataReader reader, int ordinal, Utf8JsonWriter writer)
    {
        var text = reader.GetString(ordinal);
        if (text.Length == 28 && text[10] == 'T' && text[27] == 'Z')
        {
            writer.WriteStringValue(text);
            return;
        }

        // Not in the storage convention: normalise rather than send a value without an offset.
        var parsed = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        writer.WriteStringValue(SqliteDialect.FormatDateTimeOffset(parsed));
    }
}
