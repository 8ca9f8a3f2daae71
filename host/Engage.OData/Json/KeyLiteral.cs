using System.Globalization;
using Microsoft.OData.Edm;

namespace Engage.OData.Json;

/// <summary>Formats a stored key value as it appears in a URL: <c>42</c>, <c>'O''Neil'</c> (escaped).</summary>
internal static class KeyLiteral
{
    public static string Format(object value, EdmPrimitiveTypeKind kind) => kind switch
    {
        EdmPrimitiveTypeKind.String => Uri.EscapeDataString("'" + Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("'", "''", StringComparison.Ordinal) + "'"),
        _ => Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };
}
