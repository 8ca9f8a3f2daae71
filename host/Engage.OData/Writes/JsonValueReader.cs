using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.OData.Edm;

namespace Engage.OData.Writes;

/// <summary>
/// Converts a JSON value to the canonical CLR value of an EDM primitive kind (see <see cref="WriteContext"/>),
/// as OData JSON writes it: numbers (or strings for IEEE754-compatible Int64/Decimal), ISO 8601 texts with an
/// offset for DateTimeOffset, <c>yyyy-MM-dd</c> for Date. Returns false with the reason when it does not fit.
/// </summary>
internal static partial class JsonValueReader
{
    public static bool TryRead(JsonElement element, EdmPrimitiveTypeKind kind, out object? value, out string expected)
    {
        value = null;
        expected = Describe(kind);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = kind switch
        {
            EdmPrimitiveTypeKind.Boolean => element.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            },
            EdmPrimitiveTypeKind.Byte => Integer(element, byte.MinValue, byte.MaxValue),
            EdmPrimitiveTypeKind.SByte => Integer(element, sbyte.MinValue, sbyte.MaxValue),
            EdmPrimitiveTypeKind.Int16 => Integer(element, short.MinValue, short.MaxValue),
            EdmPrimitiveTypeKind.Int32 => Integer(element, int.MinValue, int.MaxValue),
            EdmPrimitiveTypeKind.Int64 => Integer(element, long.MinValue, long.MaxValue),
            EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double => Floating(element),
            EdmPrimitiveTypeKind.Decimal => Decimal(element),
            EdmPrimitiveTypeKind.String => element.ValueKind == JsonValueKind.String ? element.GetString() : null,
            EdmPrimitiveTypeKind.Guid => element.ValueKind == JsonValueKind.String && Guid.TryParseExact(element.GetString(), "D", out var g) ? g : null,
            EdmPrimitiveTypeKind.Date => DateValue(element),
            EdmPrimitiveTypeKind.DateTimeOffset => Timestamp(element),
            _ => null,
        };
        return value is not null;
    }

    private static long? Integer(JsonElement element, long min, long max)
    {
        long number;
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (!element.TryGetInt64(out number))
            {
                return null;
            }
        }
        else if (element.ValueKind != JsonValueKind.String
                 || !long.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        return number >= min && number <= max ? number : null;
    }

    // NaN and the infinities are refused: a store column cannot keep NaN (SQLite turns it into NULL).
    private static double? Floating(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;

    private static decimal? Decimal(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetDecimal(out var m) ? m : null;
        }

        return element.ValueKind == JsonValueKind.String
            && decimal.TryParse(element.GetString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    private static Date? DateValue(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Date(date.Year, date.Month, date.Day)
            : null;

    private static DateTimeOffset? Timestamp(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text || !TimestampShape().IsMatch(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
    }

    private static string Describe(EdmPrimitiveTypeKind kind) => kind switch
    {
        EdmPrimitiveTypeKind.Boolean => "true or false",
        EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32
            or EdmPrimitiveTypeKind.Int64 => $"an integer within the range of Edm.{kind}",
        EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Decimal => "a finite number",
        EdmPrimitiveTypeKind.Date => "a date such as \"2026-01-31\"",
        EdmPrimitiveTypeKind.DateTimeOffset => "a timestamp with an offset such as \"2026-01-31T09:30:00Z\"",
        EdmPrimitiveTypeKind.Guid => "a GUID such as \"0b0c3c4e-98a5-4a4b-9a8e-3f3c1a2b4c5d\"",
        EdmPrimitiveTypeKind.String => "a string",
        _ => $"an Edm.{kind} value",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex TimestampShape();
}
