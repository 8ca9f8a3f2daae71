using Engage.OData.Errors;
using Microsoft.OData.Edm;

namespace Engage.OData.Sql;

/// <summary>EDM primitive kinds of semantic-tree nodes and literals.</summary>
internal static class EdmKinds
{
    public static EdmPrimitiveTypeKind Of(IEdmTypeReference? type, object? value)
    {
        if (type is not null && type.IsPrimitive())
        {
            return type.AsPrimitive().PrimitiveKind();
        }

        return value switch
        {
            string => EdmPrimitiveTypeKind.String,
            bool => EdmPrimitiveTypeKind.Boolean,
            long or int or short or byte or sbyte => EdmPrimitiveTypeKind.Int64,
            double or float => EdmPrimitiveTypeKind.Double,
            decimal => EdmPrimitiveTypeKind.Decimal,
            Date => EdmPrimitiveTypeKind.Date,
            DateTimeOffset => EdmPrimitiveTypeKind.DateTimeOffset,
            Guid => EdmPrimitiveTypeKind.Guid,
            TimeOfDay => EdmPrimitiveTypeKind.TimeOfDay,
            _ => throw ODataRequestException.NotImplemented($"Literals of type {value?.GetType().Name ?? "unknown"} are not supported yet."),
        };
    }

    public static bool IsNumeric(EdmPrimitiveTypeKind kind) => kind is EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte
        or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64
        or EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Decimal;

    public static bool IsInteger(EdmPrimitiveTypeKind kind) => kind is EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte
        or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64;
}
