using Microsoft.OData.UriParser;

namespace Engage.OData.Sql;

/// <summary>
/// Comparison operators with OData's two-valued semantics: <c>eq</c>/<c>ne</c> treat null as a value
/// (null-safe equality when an operand may be null), and <c>gt/ge/lt/le</c> are false when an operand
/// is null, so the result is never SQL NULL and <c>not</c> stays exact.
/// </summary>
internal static class SqlComparison
{
    public static SqlFragment Build(ISqlDialect dialect, BinaryOperatorKind op, SqlFragment left, SqlFragment right)
    {
        var equality = op is BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual;
        if (left.IsNullLiteral && right.IsNullLiteral)
        {
            return SqlFragment.Predicate(op == BinaryOperatorKind.Equal ? dialect.TruePredicate : dialect.FalsePredicate);
        }

        if (left.IsNullLiteral || right.IsNullLiteral)
        {
            var other = left.IsNullLiteral ? right : left;
            return SqlFragment.Predicate(!equality ? dialect.FalsePredicate
                : op == BinaryOperatorKind.Equal ? $"({other.Sql} IS NULL)" : $"({other.Sql} IS NOT NULL)");
        }

        var nullable = left.CanBeNull || right.CanBeNull;
        if (equality)
        {
            var eq = op == BinaryOperatorKind.Equal;
            return SqlFragment.Predicate(!nullable
                ? $"({left.Sql} {(eq ? "=" : "<>")} {right.Sql})"
                : eq ? dialect.NullSafeEqual(left.Sql, right.Sql) : dialect.NullSafeNotEqual(left.Sql, right.Sql));
        }

        var sqlOperator = op switch
        {
            BinaryOperatorKind.GreaterThan => ">",
            BinaryOperatorKind.GreaterThanOrEqual => ">=",
            BinaryOperatorKind.LessThan => "<",
            _ => "<=",
        };
        var comparison = $"{left.Sql} {sqlOperator} {right.Sql}";
        if (left.CanBeNull)
        {
            comparison += $" AND {left.Sql} IS NOT NULL";
        }

        if (right.CanBeNull)
        {
            comparison += $" AND {right.Sql} IS NOT NULL";
        }

        return SqlFragment.Predicate("(" + comparison + ")");
    }
}
