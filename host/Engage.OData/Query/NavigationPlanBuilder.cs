using Engage.OData.Binding;
using Engage.OData.Sql;

namespace Engage.OData.Query;

/// <summary>
/// For a path through a navigation property: restricts the addressed set to the rows related to the parent
/// (<c>target IN (SELECT source FROM parent WHERE key = @k AND parent scope)</c>) and builds the statement that
/// tells whether the parent exists within its row scope (a missing parent answers 404).
/// </summary>
internal static class NavigationPlanBuilder
{
    public static SqlStatement? Apply(
        ParsedRequest request, ServiceBinding service, Func<string, SqlCondition?>? scopeFor, List<string> predicates, SqlParameterList parameters)
    {
        if (request.Navigation is not { } path)
        {
            return null;
        }

        var dialect = service.Definition.Dialect;
        var parent = path.Parent;
        var parentScope = scopeFor?.Invoke(parent.Name);
        var key = dialect.ToStorageValue(LiteralConverter.Convert(path.ParentKey, parent.Key.Kind), parent.Key.Kind);

        var checkParameters = new SqlParameterList();
        var checkPredicates = new List<string> { $"{parent.Key.QuotedColumn} = {checkParameters.Add(key)}" };
        if (parentScope is not null)
        {
            checkPredicates.Add("(" + parentScope.Sql + ")");
            checkParameters.AddNamed(parentScope.Parameters);
        }

        var parentCheck = SqlStatementFactory.Select(dialect, parent.QuotedTable, ["1"], checkPredicates, [], checkParameters, null, 0);

        const string alias = "\"_nav\"";
        var inner = $"{alias}.{parent.Key.QuotedColumn} = {parameters.Add(key)}";
        if (parentScope is not null)
        {
            inner += " AND (" + parentScope.Sql + ")";
            parameters.AddNamed(parentScope.Parameters);
        }

        var navigation = path.Navigation;
        predicates.Add($"({navigation.TargetColumn.QuotedColumn} IN (SELECT {alias}.{navigation.SourceColumn.QuotedColumn} " +
            $"FROM {parent.QuotedTable} AS {alias} WHERE {inner}))");
        return parentCheck;
    }
}
