using System.Text.Json;
using Microsoft.OData.Edm;

namespace Engage.OData.Binding;

/// <summary>One structural property and the column that stores it.</summary>
internal sealed class PropertyBinding(IEdmStructuralProperty property, string column, string quotedColumn)
{
    public IEdmStructuralProperty Property { get; } = property;

    public string Name { get; } = property.Name;

    public string Column { get; } = column;

    /// <summary>The column name quoted by the dialect, ready for SQL text.</summary>
    public string QuotedColumn { get; } = quotedColumn;

    public EdmPrimitiveTypeKind Kind { get; } = property.Type.AsPrimitive().PrimitiveKind();

    public bool IsNullable { get; } = property.Type.IsNullable;

    /// <summary>The pre-encoded JSON property name.</summary>
    public JsonEncodedText JsonName { get; } = JsonEncodedText.Encode(property.Name);
}
