using System.Globalization;
using Microsoft.OData.Edm;

namespace Engage.OData.Writes;

/// <summary>
/// Reads a stored value back into its canonical CLR value (see <see cref="WriteContext"/>), following the
/// SQLite storage conventions of <c>SqliteDialect</c>: INTEGER 0/1 booleans, REAL decimals, TEXT dates and
/// UTC timestamps, TEXT GUIDs. A PostgreSQL store would bring its own reader next to its dialect.
/// </summary>
internal static class StoredValues
{
    public static object? Read(object? stored, EdmPrimitiveTypeKind kind)
    {
        if (stored is null or DBNull)
        {
            return null;
        }

        return kind switch
        {
            EdmPrimitiveTypeKind.Boolean => Convert.ToInt64(stored, CultureInfo.InvariantCulture) != 0,
            EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32
                or EdmPrimitiveTypeKind.Int64 => Convert.ToInt64(stored, CultureInfo.InvariantCulture),
            EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double => Convert.ToDouble(stored, CultureInfo.InvariantCulture),
            EdmPrimitiveTypeKind.Decimal => Convert.ToDecimal(Convert.ToDouble(stored, CultureInfo.InvariantCulture)),
            EdmPrimitiveTypeKind.Date => ParseDate(Convert.ToString(stored, CultureInfo.InvariantCulture)!),
            EdmPrimitiveTypeKind.DateTimeOffset => DateTimeOffset.Parse(
                Convert.ToString(stored, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            EdmPrimitiveTypeKind.Guid => Guid.Parse(Convert.ToString(stored, CultureInfo.InvariantCulture)!),
            _ => Convert.ToString(stored, CultureInfo.InvariantCulture),
        };
    }

    private static Date ParseDate(string text)
    {
        var day = DateOnly.ParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Date(day.Year, day.Month, day.Day);
    }
}
