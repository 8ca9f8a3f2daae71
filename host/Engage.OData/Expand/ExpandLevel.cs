using System.Globalization;
using System.Text;
using Engage.OData.Binding;
using Engage.OData.Query;
using Engage.OData.Sql;

namespace Engage.OData.Expand;

/// <summary>
/// The compiled statement of one expanded navigation: the target's row scope AND nested $filter, and the
/// rows whose join column is in a chunk of parent values. Nested $top/$skip number the rows per parent
/// with <c>ROW_NUMBER() OVER (PARTITION BY join column ORDER BY …)</c>, so a page never multiplies.
/// </summary>
internal sealed class ExpandLevel
{
    private readonly ISqlDialect _dialect;
    private readonly IReadOnlyList<string> _predicates;
    private readonly SqlParameterList _parameters;
    private readonly IReadOnlyList<string> _orderTerms;

    public ExpandLevel(
        ExpandRequest request, ISqlDialect dialect, ColumnList columns, IReadOnlyList<(PropertyBinding Property, int Ordinal)> written,
        IReadOnlyList<string> predicates, SqlParameterList parameters, IReadOnlyList<string> orderTerms,
        IReadOnlyList<(ExpandLevel Level, int SourceOrdinal)> children)
    {
        Request = request;
        _dialect = dialect;
        Columns = columns.Quoted;
        Written = written;
        JoinOrdinal = columns.Add(request.Navigation.TargetColumn);
        _predicates = predicates;
        _parameters = parameters;
        _orderTerms = orderTerms;
        Children = children;
    }

    public ExpandRequest Request { get; }

    public NavigationBinding Navigation => Request.Navigation;

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<(PropertyBinding Property, int Ordinal)> Written { get; }

    public int KeyOrdinal => 0;

    /// <summary>The ordinal of the target's join column (compared with the parent's source column).</summary>
    public int JoinOrdinal { get; }

    /// <summary>Nested expansions and the ordinal, in this level's rows, of their source column.</summary>
    public IReadOnlyList<(ExpandLevel Level, int SourceOrdinal)> Children { get; }

    public SqlStatement Select(IReadOnlyList<object> parentValues)
    {
        var parameters = _parameters.Clone();
        var table = Navigation.Target.QuotedTable;
        var join = Navigation.TargetColumn.QuotedColumn;
        var where = Where(parameters, parentValues);
        var sql = new StringBuilder();
        if (Request.Top is null && Request.Skip is null)
        {
            sql.Append("SELECT ").AppendJoin(", ", Columns).Append(" FROM ").Append(table).Append(where)
                .Append(" ORDER BY ").AppendJoin(", ", _orderTerms);
        }
        else
        {
            var skip = Request.Skip ?? 0;
            sql.Append("SELECT * FROM (SELECT ").AppendJoin(", ", Columns)
                .Append(", ROW_NUMBER() OVER (PARTITION BY ").Append(join).Append(" ORDER BY ").AppendJoin(", ", _orderTerms)
                .Append(") AS \"_rn\" FROM ").Append(table).Append(where).Append(") AS \"_e\" WHERE \"_rn\" > ").Append(parameters.Add(skip));
            if (Request.Top is { } top)
            {
                sql.Append(" AND \"_rn\" <= ").Append(parameters.Add(checked(skip + top)));
            }

            sql.Append(" ORDER BY \"_rn\"");
        }

        return new SqlStatement(sql.ToString(), parameters.Items);
    }

    /// <summary>The per-parent count for nested <c>$count=true</c>: join value, COUNT(*).</summary>
    public SqlStatement Count(IReadOnlyList<object> parentValues)
    {
        var parameters = _parameters.Clone();
        var join = Navigation.TargetColumn.QuotedColumn;
        var sql = $"SELECT {join}, COUNT(*) FROM {Navigation.Target.QuotedTable}{Where(parameters, parentValues)} GROUP BY {join}";
        return new SqlStatement(sql, parameters.Items);
    }

    private string Where(SqlParameterList parameters, IReadOnlyList<object> parentValues)
    {
        var placeholders = parentValues.Select(parameters.Add);
        var terms = new List<string>(_predicates.Count + 1)
        {
            $"{Navigation.TargetColumn.QuotedColumn} IN ({string.Join(", ", placeholders)})",
        };
        terms.AddRange(_predicates);
        return " WHERE " + string.Join(" AND ", terms);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Navigation.Source.Name}/{Navigation.Name}");
}
