using System.Text;
using Engage.OData.Binding;
using Engage.OData.Sql;

namespace Engage.OData.Writes;

/// <summary>
/// The parameterised statements of writes. Every value is a parameter; every statement that addresses an
/// existing row carries the key AND the set's row scope, so a row outside the scope is never read or touched.
/// </summary>
internal static class WriteStatements
{
    /// <summary>SELECT key, every property and the version (last) of one row within the scope.</summary>
    public static SqlStatement SelectOne(EntitySetBinding set, object storedKey, SqlCondition? scope)
    {
        var parameters = new SqlParameterList();
        var columns = set.Properties.Select(p => p.QuotedColumn).ToList();
        if (set.Writes?.QuotedVersionColumn is { } version)
        {
            columns.Add(version);
        }

        var sql = new StringBuilder("SELECT ").AppendJoin(", ", columns).Append(" FROM ").Append(set.QuotedTable);
        AppendKeyAndScope(sql, set, storedKey, scope, parameters);
        return new SqlStatement(sql.ToString(), parameters.Items);
    }

    /// <summary>INSERT … RETURNING key.</summary>
    public static SqlStatement Insert(EntitySetBinding set, IReadOnlyList<(string QuotedColumn, object? Value)> values)
    {
        var parameters = new SqlParameterList();
        var sql = new StringBuilder("INSERT INTO ").Append(set.QuotedTable);
        if (values.Count == 0)
        {
            sql.Append(" DEFAULT VALUES");
        }
        else
        {
            sql.Append(" (").AppendJoin(", ", values.Select(v => v.QuotedColumn)).Append(") VALUES (")
                .AppendJoin(", ", values.Select(v => parameters.Add(v.Value))).Append(')');
        }

        sql.Append(" RETURNING ").Append(set.Key.QuotedColumn);
        return new SqlStatement(sql.ToString(), parameters.Items);
    }

    /// <summary>
    /// UPDATE … SET the values, bumping the version only when one of them really changes, WHERE key AND scope
    /// (AND version = the one the client matched, when there is one).
    /// </summary>
    public static SqlStatement Update(
        EntitySetBinding set, ISqlDialect dialect, object storedKey, SqlCondition? scope,
        IReadOnlyList<(string QuotedColumn, object? Value)> values, long? expectedVersion)
    {
        var parameters = new SqlParameterList();
        var assignments = new List<string>();
        var changed = new List<string>();
        foreach (var (column, value) in values)
        {
            var parameter = parameters.Add(value);
            assignments.Add($"{column} = {parameter}");
            changed.Add(dialect.NullSafeNotEqual(column, parameter));
        }

        var version = set.Writes?.QuotedVersionColumn;
        if (version is not null)
        {
            assignments.Add($"{version} = CASE WHEN {string.Join(" OR ", changed)} THEN {version} + 1 ELSE {version} END");
        }

        var sql = new StringBuilder("UPDATE ").Append(set.QuotedTable).Append(" SET ").AppendJoin(", ", assignments);
        AppendKeyAndScope(sql, set, storedKey, scope, parameters);
        if (version is not null && expectedVersion is { } expected)
        {
            sql.Append(" AND ").Append(version).Append(" = ").Append(parameters.Add(expected));
        }

        return new SqlStatement(sql.ToString(), parameters.Items);
    }

    /// <summary>DELETE … WHERE key AND scope.</summary>
    public static SqlStatement Delete(EntitySetBinding set, object storedKey, SqlCondition? scope)
    {
        var parameters = new SqlParameterList();
        var sql = new StringBuilder("DELETE FROM ").Append(set.QuotedTable);
        AppendKeyAndScope(sql, set, storedKey, scope, parameters);
        return new SqlStatement(sql.ToString(), parameters.Items);
    }

    private static void AppendKeyAndScope(StringBuilder sql, EntitySetBinding set, object storedKey, SqlCondition? scope, SqlParameterList parameters)
    {
        sql.Append(" WHERE ").Append(set.Key.QuotedColumn).Append(" = ").Append(parameters.Add(storedKey));
        if (scope is not null)
        {
            sql.Append(" AND (").Append(scope.Sql).Append(')');
            parameters.AddNamed(scope.Parameters);
        }
    }
}
