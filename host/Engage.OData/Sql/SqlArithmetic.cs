using Engage.OData.Errors;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Engage.OData.Sql;

/// <summary>
/// <c>add</c>, <c>sub</c>, <c>mul</c>, <c>div</c>, <c>mod</c> and negation on numbers. The result type is
/// the parser's (after its numeric promotion): <c>div</c> truncates when it is an integer type and
/// divides in floating point otherwise. A null operand gives null; so does a zero divisor (SQLite).
/// Arithmetic on dates and durations answers 501.
/// </summary>
internal static class SqlArithmetic
{
    public static SqlFragment Binary(ISqlDialect dialect, BinaryOperatorNode node, SqlFragment left, SqlFragment right)
    {
        if (!Operand(left) || !Operand(right))
        {
            throw ODataRequestException.NotImplemented(
                $"The operator '{Name(node.OperatorKind)}' is supported only on numbers (not on Edm.{(Operand(left) ? right : left).Kind}) yet.");
        }

        if (left.IsNullLiteral || right.IsNullLiteral)
        {
            return SqlFragment.Null;
        }

        var kind = node.TypeReference is { } type && type.IsPrimitive() ? type.AsPrimitive().PrimitiveKind() : left.Kind;
        if (EdmKinds.IsInteger(kind) && !(EdmKinds.IsInteger(left.Kind) && EdmKinds.IsInteger(right.Kind)))
        {
            // The parser typed an untyped alias as an integer: the result is a fraction when an operand is.
            kind = EdmKinds.IsInteger(left.Kind) ? right.Kind : left.Kind;
        }

        var integer = EdmKinds.IsInteger(kind);
        var sql = node.OperatorKind switch
        {
            BinaryOperatorKind.Add => $"({left.Sql} + {right.Sql})",
            BinaryOperatorKind.Subtract => $"({left.Sql} - {right.Sql})",
            BinaryOperatorKind.Multiply => $"({left.Sql} * {right.Sql})",
            BinaryOperatorKind.Divide => dialect.Functions.Divide(left.Sql, right.Sql, integer),
            BinaryOperatorKind.Modulo => dialect.Functions.Modulo(left.Sql, right.Sql, integer),
            _ => throw ODataRequestException.NotImplemented($"The operator '{Name(node.OperatorKind)}' is not supported yet."),
        };

        // Division and modulo may give null (zero divisor) even on non-null operands.
        var canBeNull = left.CanBeNull || right.CanBeNull || node.OperatorKind is BinaryOperatorKind.Divide or BinaryOperatorKind.Modulo;
        return SqlFragment.Value(sql, kind, canBeNull);
    }

    public static SqlFragment Negate(SqlFragment operand)
    {
        if (operand.IsNullLiteral)
        {
            return SqlFragment.Null;
        }

        return EdmKinds.IsNumeric(operand.Kind)
            ? SqlFragment.Value($"(-{operand.Sql})", operand.Kind, operand.CanBeNull)
            : throw ODataRequestException.NotImplemented($"Negating Edm.{operand.Kind} is not supported yet.");
    }

    private static bool Operand(SqlFragment fragment) =>
        fragment.IsNullLiteral || (EdmKinds.IsNumeric(fragment.Kind) && !fragment.IsPredicate);

    private static string Name(BinaryOperatorKind op) => op switch
    {
        BinaryOperatorKind.Add => "add",
        BinaryOperatorKind.Subtract => "sub",
        BinaryOperatorKind.Multiply => "mul",
        BinaryOperatorKind.Divide => "div",
        BinaryOperatorKind.Modulo => "mod",
        _ => op.ToString().ToLowerInvariant(),
    };
}
