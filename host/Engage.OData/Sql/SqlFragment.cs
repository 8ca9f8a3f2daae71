using Microsoft.OData.Edm;

namespace Engage.OData.Sql;

/// <summary>
/// A translated piece of SQL. A predicate is two-valued (never NULL); a value may be NULL when
/// <see cref="CanBeNull"/>; <see cref="IsNullLiteral"/> marks the OData <c>null</c> literal.
/// </summary>
internal readonly record struct SqlFragment(string Sql, EdmPrimitiveTypeKind Kind, bool CanBeNull, bool IsPredicate, bool IsNullLiteral)
{
    public static SqlFragment Null { get; } = new("NULL", EdmPrimitiveTypeKind.None, true, false, true);

    public static SqlFragment Value(string sql, EdmPrimitiveTypeKind kind, bool canBeNull) => new(sql, kind, canBeNull, false, false);

    public static SqlFragment Predicate(string sql) => new(sql, EdmPrimitiveTypeKind.Boolean, false, true, false);
}
