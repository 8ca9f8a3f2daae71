using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Expand;
using Engage.OData.Paging;
using Engage.OData.Sql;
using Microsoft.OData.UriParser;

namespace Engage.OData.Query;

/// <summary>
/// Builds the SQL plan of a request: row scope AND $filter as the base, the key appended to ORDER BY
/// for a stable order, a page of min(server page size, odata.maxpagesize, remaining $top) rows plus
/// one, and a COUNT over the same base.
/// </summary>
internal static class QueryPlanBuilder
{
    public static QueryPlan Build(
        ParsedRequest request, ServiceBinding service, SqlCondition? scope, ClientPreferences preferences, string shape,
        Func<string, SqlCondition?>? scopeFor = null)
    {
        var definition = service.Definition;
        var dialect = definition.Dialect;
        var entitySet = request.EntitySet;
        var parameters = new SqlParameterList();
        var predicates = new List<string>();
        if (scope is not null)
        {
            predicates.Add("(" + scope.Sql + ")");
            parameters.AddNamed(scope.Parameters);
        }

        var parentCheck = NavigationPlanBuilder.Apply(request, service, scopeFor, predicates, parameters);
        var translator = new SqlExpressionTranslator(
            new SqlTranslationContext(entitySet, dialect, parameters, request.ParameterAliases, definition.MaxExpressionDepth)
            {
                Now = definition.TimeProvider.GetUtcNow(),
                Computed = request.Computed,
                RowScope = scopeFor,
            });
        if (request.Filter is not null)
        {
            predicates.Add(translator.TranslatePredicate(request.Filter.Expression));
        }

        if (request.Search is not null)
        {
            predicates.Add(new SqlSearchTranslator(entitySet, dialect, parameters, definition.MaxExpressionDepth).Translate(request.Search));
        }

        if (request.Kind == RequestKind.Count)
        {
            return new QueryPlan { Count = SqlStatementFactory.Count(entitySet.QuotedTable, predicates, parameters), ParentCheck = parentCheck };
        }

        var columns = new List<string> { entitySet.Key.QuotedColumn };
        var written = new List<(PropertyBinding, int)>();
        foreach (var property in request.Selection.Properties)
        {
            if (property == entitySet.Key)
            {
                written.Add((property, 0));
            }
            else
            {
                written.Add((property, columns.Count));
                columns.Add(property.QuotedColumn);
            }
        }

        var computed = new List<ComputedColumn>();
        foreach (var property in request.ComputedWritten)
        {
            computed.Add(new ComputedColumn(property.Alias, property.Kind, columns.Count));
            columns.Add(translator.TranslateValue(property.Expression));
        }

        var versionOrdinal = Writes.VersionColumn.AddTo(columns, entitySet);
        var expands = ExpandPlanBuilder.BuildForPage(request.Selection, entitySet, columns, written, service, scopeFor, request.ParameterAliases);
        if (request.Kind == RequestKind.Entity)
        {
            if (request.KeyValue is not null)
            {
                var key = LiteralConverter.Convert(request.KeyValue, entitySet.Key.Kind);
                predicates.Add($"{entitySet.Key.QuotedColumn} = {parameters.Add(dialect.ToStorageValue(key, entitySet.Key.Kind))}");
            }

            var lookup = SqlStatementFactory.Select(dialect, entitySet.QuotedTable, columns, predicates, [], parameters, null, 0);
            return new QueryPlan { Page = lookup, Columns = written, RowsToWrite = 1, ColumnCount = columns.Count, Expands = expands, ParentCheck = parentCheck, Computed = computed, VersionOrdinal = versionOrdinal };
        }

        var orderTerms = OrderTerms(request.OrderBy, translator, entitySet, dialect);
        return Page(request, service, preferences, shape, columns, written, predicates, orderTerms, parameters) with
        {
            ColumnCount = columns.Count,
            Computed = computed,
            Expands = expands,
            ParentCheck = parentCheck,
            VersionOrdinal = versionOrdinal,
        };
    }

    private static QueryPlan Page(
        ParsedRequest request,
        ServiceBinding service,
        ClientPreferences preferences,
        string shape,
        List<string> columns,
        List<(PropertyBinding, int)> written,
        List<string> predicates,
        List<string> orderTerms,
        SqlParameterList parameters)
    {
        var definition = service.Definition;
        if (request.Top is { } requestedTop && definition.MaxTop is { } maxTop && requestedTop > maxTop)
        {
            throw ODataRequestException.BadRequest($"$top may not exceed {maxTop}.");
        }

        var pageSize = definition.PageSize;
        int? applied = null;
        if (preferences.MaxPageSize is { } preferred && preferred <= pageSize)
        {
            pageSize = preferred;
            applied = preferred;
        }

        var offset = checked((request.SkipToken is null ? 0 : SkipToken.Decode(request.SkipToken, shape)) + (request.Skip ?? 0));
        var top = request.Top;
        var canHaveMore = top is null || top > pageSize;
        var rowsToWrite = top is { } t && t < pageSize ? (int)t : pageSize;
        var fetch = rowsToWrite + (canHaveMore ? 1 : 0);

        return new QueryPlan
        {
            Page = SqlStatementFactory.Select(definition.Dialect, request.EntitySet.QuotedTable, columns, predicates, orderTerms, parameters, fetch, offset),
            Count = request.Count ? SqlStatementFactory.Count(request.EntitySet.QuotedTable, predicates, parameters) : null,
            Columns = written,
            RowsToWrite = rowsToWrite,
            CanHaveMore = canHaveMore,
            NextOffset = checked(offset + rowsToWrite),
            RemainingTop = top is null ? null : top - rowsToWrite,
            AppliedMaxPageSize = applied,
        };
    }

    private static List<string> OrderTerms(OrderByClause? clause, SqlExpressionTranslator translator, EntitySetBinding entitySet, ISqlDialect dialect)
    {
        var terms = new List<string>();
        var keyOrdered = false;
        for (var item = clause; item is not null; item = item.ThenBy)
        {
            var expression = translator.TranslateValue(item.Expression);
            keyOrdered |= expression == entitySet.Key.QuotedColumn;
            terms.Add(dialect.OrderTerm(expression, item.Direction == OrderByDirection.Descending));
        }

        if (!keyOrdered)
        {
            terms.Add(dialect.OrderTerm(entitySet.Key.QuotedColumn, descending: false));
        }

        return terms;
    }
}
