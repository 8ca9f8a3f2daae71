using System.Globalization;
using Engage.OData.Errors;
using Microsoft.OData.Edm;

namespace Engage.OData.Sql;

/// <summary>
/// Converts a literal from the URI parser to the canonical CLR type of an EDM kind: integers to long,
/// floating point to double, decimal to decimal, Date to <see cref="Date"/>, DateTimeOffset to
/// <see cref="DateTimeOffset"/>. The dialect then turns that into the stored representation.
/// </summary>
internal static class LiteralConverter
{
    public static object Convert(object value, EdmPrimitiveTypeKind kind) => kind switch
    {
        EdmPrimitiveTypeKind.Boolean => value is bool b ? b : throw Mismatch(value, kind),
        EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte or EdmPrimitiveTypeKind.Int16
            or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64 => ToInt64(value, kind),
        EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double => value switch
        {
            double d => d,
            float f => (double)f,
            decimal m => (double)m,
            long or int or short or byte or sbyte => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw Mismatch(value, kind),
        },
        EdmPrimitiveTypeKind.Decimal => value switch
        {
            decimal m => m,
            long or int or short or byte or sbyte => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            double or float => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            _ => throw Mismatch(value, kind),
        },
        EdmPrimitiveTypeKind.String => value as string ?? throw Mismatch(value, kind),
        EdmPrimitiveTypeKind.Guid => value is Guid g ? g : throw Mismatch(value, kind),
        EdmPrimitiveTypeKind.Date => value switch
        {
            Date d => d,
            DateTimeOffset dto => new Date(dto.Year, dto.Month, dto.Day),
            _ => throw Mismatch(value, kind),
        },
        EdmPrimitiveTypeKind.DateTimeOffset => value switch
        {
            DateTimeOffset dto => dto,
            Date d => new DateTimeOffset(d.Year, d.Month, d.Day, 0, 0, 0, TimeSpan.Zero),
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            _ => throw Mismatch(value, kind),
        },
        EdmPrimitiveTypeKind.TimeOfDay => value is TimeOfDay time ? time : throw Mismatch(value, kind),
        _ => throw ODataRequestException.NotImplemented($"Literals of type Edm.{kind} are not supported yet."),
    };

    private static long ToInt64(object value, EdmPrimitiveTypeKind kind) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        _ => throw Mismatch(value, kind),
    };

    private static ODataRequestException Mismatch(object value, EdmPrimitiveTypeKind kind) =>
        ODataRequestException.BadRequest($"A literal of type {value.GetType().Name} cannot be used as Edm.{kind}.");
}
