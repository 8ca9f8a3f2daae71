using Engage.OData.Binding;
using Engage.OData.Query;
using Engage.OData.Sql;
using Microsoft.OData.UriParser;

namespace Engage.OData.Expand;

/// <summary>Compiles the <c>$expand</c> tree of a request into one <see cref="ExpandLevel"/> per navigation.</summary>
internal static class ExpandPlanBuilder
{
    public static IReadOnlyList<(ExpandLevel Level, int SourceOrdinal)> Build(
        Selection selection, ColumnList parentColumns, ServiceBinding service, Func<string, SqlCondition?> scope,
        IDictionary<string, SingleValueNode>? aliases)
    {
        var levels = new List<(ExpandLevel, int)>();
        foreach (var expand in selection.Expands)
        {
            var sourceOrdinal = parentColumns.Add(expand.Navigation.SourceColumn);
            levels.Add((BuildLevel(expand, service, scope, aliases), sourceOrdinal));
        }

        return levels;
    }

    /// <summary>For the page statement: adds the source columns of the expanded navigations to its SELECT list.</summary>
    public static IReadOnlyList<(ExpandLevel Level, int SourceOrdinal)> BuildForPage(
        Selection selection, EntitySetBinding entitySet, List<string> columns, IReadOnlyList<(PropertyBinding Property, int Ordinal)> written,
        ServiceBinding service, Func<string, SqlCondition?>? scope, IDictionary<string, SingleValueNode>? aliases)
    {
        if (selection.Expands.Count == 0)
        {
            return [];
        }

        var list = new ColumnList(entitySet.Key);
        foreach (var (property, ordinal) in written)
        {
            if (list.Add(property) != ordinal)
            {
                throw new InvalidOperationException("The page's columns are not in selection order.");
            }
        }

        foreach (var other in columns.Skip(list.Quoted.Count))
        {
            list.AddOpaque(other);
        }

        var levels = Build(selection, list, service, scope ?? (_ => null), aliases);
        columns.AddRange(list.Quoted.Skip(columns.Count));
        return levels;
    }

    private static ExpandLevel BuildLevel(
        ExpandRequest expand, ServiceBinding service, Func<string, SqlCondition?> scope, IDictionary<string, SingleValueNode>? aliases)
    {
        var definition = service.Definition;
        var dialect = definition.Dialect;
        var target = expand.Navigation.Target;
        var parameters = new SqlParameterList();
        var predicates = new List<string>();
        if (scope(target.Name) is { } condition)
        {
            predicates.Add("(" + condition.Sql + ")");
            parameters.AddNamed(condition.Parameters);
        }

        var translator = new SqlExpressionTranslator(
            new SqlTranslationContext(target, dialect, parameters, aliases, definition.MaxExpressionDepth)
            {
                Now = definition.TimeProvider.GetUtcNow(),
                RowScope = scope,
            });
        if (expand.Filter is not null)
        {
            predicates.Add(translator.TranslatePredicate(expand.Filter.Expression));
        }

        var orderTerms = new List<string>();
        var keyOrdered = false;
        for (var item = expand.OrderBy; item is not null; item = item.ThenBy)
        {
            var expression = translator.TranslateValue(item.Expression);
            keyOrdered |= expression == target.Key.QuotedColumn;
            orderTerms.Add(dialect.OrderTerm(expression, item.Direction == OrderByDirection.Descending));
        }

        if (!keyOrdered)
        {
            orderTerms.Add(dialect.OrderTerm(target.Key.QuotedColumn, descending: false));
        }

        var columns = new ColumnList(target.Key);
        var written = expand.Selection.Properties.Select(p => (p, columns.Add(p))).ToList();
        var children = Build(expand.Selection, columns, service, scope, aliases);
        return new ExpandLevel(expand, dialect, columns, written, predicates, parameters, orderTerms, children);
    }
}
