using Engage.OData.Binding;
using Engage.OData.Errors;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Engage.OData.Sql;

/// <summary>
/// Property paths and lambdas for the translator. A property of <c>$it</c> is a column of the statement's
/// table (qualified by the table name once inside a subquery); a property reached through a single-valued
/// navigation is a correlated scalar subquery; <c>any</c>/<c>all</c> over a collection navigation are
/// correlated <c>EXISTS</c>/<c>NOT EXISTS</c>. Every subquery carries the row scope of its entity set.
/// </summary>
internal sealed class SqlPathScope(SqlTranslationContext context)
{
    private readonly Dictionary<string, (EntitySetBinding Set, string Alias)> _lambdas = new(StringComparer.Ordinal);
    private int _subqueryDepth;
    private int _nextAlias;

    public SqlFragment Property(SingleValueNode source, IEdmProperty property)
    {
        if (source is not SingleResourceNode resource)
        {
            throw ODataRequestException.NotImplemented("Paths through complex properties are not supported yet.");
        }

        var set = SetOf(resource);
        var binding = set.Find(property)
            ?? throw ODataRequestException.BadRequest($"The property '{property.Name}' cannot be used in a query.");
        var (sql, throughNavigation) = ColumnOf(resource, binding);
        return SqlFragment.Value(sql, binding.Kind, binding.IsNullable || throughNavigation);
    }

    public SqlFragment Lambda(LambdaNode node, bool all, Func<SingleValueNode, string> translatePredicate)
    {
        if (node.Source is not CollectionNavigationNode collection || collection.Source is not SingleResourceNode parent)
        {
            throw ODataRequestException.NotImplemented("Lambda operators are supported over collection navigation properties only.");
        }

        var navigation = SetOf(parent).FindNavigation(collection.NavigationProperty)
            ?? throw ODataRequestException.BadRequest($"The navigation property '{collection.NavigationProperty.Name}' cannot be used in a query.");
        var variable = node.CurrentRangeVariable?.Name ?? "$it";
        var noPredicate = node.Body is null or ConstantNode { Value: true } || node.CurrentRangeVariable is null;
        if (!noPredicate && (_lambdas.ContainsKey(variable) || variable == "$it"))
        {
            throw ODataRequestException.BadRequest($"The lambda variable '{variable}' is already in use.");
        }

        _subqueryDepth++;
        try
        {
            var (parentColumn, _) = ColumnOf(parent, navigation.SourceColumn);
            var alias = NextAlias("_l");
            var where = $"{alias}.{navigation.TargetColumn.QuotedColumn} = {parentColumn}{Scope(navigation.Target)}";
            if (noPredicate)
            {
                return SqlFragment.Predicate(all ? context.Dialect.TruePredicate : $"EXISTS (SELECT 1 FROM {navigation.Target.QuotedTable} AS {alias} WHERE {where})");
            }

            _lambdas.Add(variable, (navigation.Target, alias));
            string body;
            try
            {
                body = translatePredicate(node.Body!);
            }
            finally
            {
                _lambdas.Remove(variable);
            }

            return SqlFragment.Predicate(all
                ? $"(NOT EXISTS (SELECT 1 FROM {navigation.Target.QuotedTable} AS {alias} WHERE {where} AND NOT {body}))"
                : $"EXISTS (SELECT 1 FROM {navigation.Target.QuotedTable} AS {alias} WHERE {where} AND {body})");
        }
        finally
        {
            _subqueryDepth--;
        }
    }

    /// <summary><c>Nav/$count</c> in an expression: a correlated <c>COUNT(*)</c> of the related rows within their row scope.</summary>
    public SqlFragment Count(CountNode node)
    {
        if (node.Source is not CollectionNavigationNode collection || collection.Source is not SingleResourceNode parent)
        {
            throw ODataRequestException.NotImplemented("$count in an expression is supported over collection navigation properties only.");
        }

        var navigation = SetOf(parent).FindNavigation(collection.NavigationProperty)
            ?? throw ODataRequestException.BadRequest($"The navigation property '{collection.NavigationProperty.Name}' cannot be used in a query.");
        _subqueryDepth++;
        try
        {
            var (parentColumn, _) = ColumnOf(parent, navigation.SourceColumn);
            var alias = NextAlias("_c");
            return SqlFragment.Value(
                $"(SELECT COUNT(*) FROM {navigation.Target.QuotedTable} AS {alias} WHERE {alias}.{navigation.TargetColumn.QuotedColumn} = {parentColumn}{Scope(navigation.Target)})",
                EdmPrimitiveTypeKind.Int64,
                canBeNull: false);
        }
        finally
        {
            _subqueryDepth--;
        }
    }

    private EntitySetBinding SetOf(SingleResourceNode node) => node switch
    {
        ResourceRangeVariableReferenceNode range when _lambdas.TryGetValue(range.Name, out var lambda) => lambda.Set,
        ResourceRangeVariableReferenceNode => context.EntitySet,
        SingleNavigationNode navigation => Navigation(navigation).Target,
        _ => throw ODataRequestException.NotImplemented($"Paths through '{node.Kind}' are not supported yet."),
    };

    private NavigationBinding Navigation(SingleNavigationNode node) =>
        SetOf(node.Source as SingleResourceNode ?? throw ODataRequestException.NotImplemented("This navigation path is not supported yet."))
            .FindNavigation(node.NavigationProperty)
        ?? throw ODataRequestException.BadRequest($"The navigation property '{node.NavigationProperty.Name}' cannot be used in a query.");

    /// <summary>The SQL of a column of the entity that <paramref name="node"/> denotes, and whether it went through a navigation.</summary>
    private (string Sql, bool ThroughNavigation) ColumnOf(SingleResourceNode node, PropertyBinding column)
    {
        switch (node)
        {
            case ResourceRangeVariableReferenceNode range when _lambdas.TryGetValue(range.Name, out var lambda):
                return ($"{lambda.Alias}.{column.QuotedColumn}", false);
            case ResourceRangeVariableReferenceNode:
                return (_subqueryDepth == 0 ? column.QuotedColumn : $"{context.EntitySet.QuotedTable}.{column.QuotedColumn}", false);
            case SingleNavigationNode navigationNode:
                var navigation = Navigation(navigationNode);
                _subqueryDepth++;
                try
                {
                    var (source, _) = ColumnOf((SingleResourceNode)navigationNode.Source, navigation.SourceColumn);
                    var alias = NextAlias("_s");
                    var target = navigation.Target;
                    return ($"(SELECT {alias}.{column.QuotedColumn} FROM {target.QuotedTable} AS {alias} " +
                        $"WHERE {alias}.{navigation.TargetColumn.QuotedColumn} = {source}{Scope(target)})", true);
                }
                finally
                {
                    _subqueryDepth--;
                }

            default:
                throw ODataRequestException.NotImplemented($"Paths through '{node.Kind}' are not supported yet.");
        }
    }

    private string Scope(EntitySetBinding set)
    {
        if (context.RowScope?.Invoke(set.Name) is not { } scope)
        {
            return string.Empty;
        }

        context.Parameters.AddNamed(scope.Parameters);
        return " AND (" + scope.Sql + ")";
    }

    private string NextAlias(string prefix) => $"\"{prefix}{_nextAlias++}\"";
}
