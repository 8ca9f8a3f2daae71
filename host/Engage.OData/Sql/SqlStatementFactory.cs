using System.Text;

namespace Engage.OData.Sql;

/// <summary>Renders the SELECT and COUNT statements of a plan; the WHERE terms are ANDed.</summary>
internal static class SqlStatementFactory
{
    public static SqlStatement Select(
        ISqlDialect dialect,
        string quotedTable,
        IReadOnlyList<string> quotedColumns,
        IReadOnlyList<string> predicates,
        IReadOnlyList<string> orderTerms,
        SqlParameterList parameters,
        long? limit,
        long? offset)
    {
        var ownParameters = parameters.Clone();
        var sql = new StringBuilder("SELECT ").AppendJoin(", ", quotedColumns).Append(" FROM ").Append(quotedTable);
        AppendWhere(sql, predicates);
        if (orderTerms.Count > 0)
        {
            sql.Append(" ORDER BY ").AppendJoin(", ", orderTerms);
        }

        if (limit is { } rows)
        {
            // A keyset page seeks in the WHERE clause and needs no OFFSET (null); a first page keeps OFFSET @o.
            sql.Append(offset is { } skip ? dialect.LimitOffset(ownParameters.Add(rows), ownParameters.Add(skip)) : dialect.Limit(ownParameters.Add(rows)));
        }

        return new SqlStatement(sql.ToString(), ownParameters.Items);
    }

    public static SqlStatement Count(string quotedTable, IReadOnlyList<string> predicates, SqlParameterList parameters)
    {
        var sql = new StringBuilder("SELECT COUNT(*) FROM ").Append(quotedTable);
        AppendWhere(sql, predicates);
        return new SqlStatement(sql.ToString(), parameters.Clone().Items);
    }

    private static void AppendWhere(StringBuilder sql, IReadOnlyList<string> predicates)
    {
        if (predicates.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", predicates);
        }
    }
}
