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
/// one, and a COUNT over the same base. A next page starts past the last row's sort values (keyset) when the
/// order is made of plain columns, at an offset otherwise (see <see cref="SkipToken"/>).
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
        var written = new List<(PropertyBinding Property, int Ordinal)>();
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

        var order = OrderTerms(request.OrderBy, translator, entitySet, dialect);
        var keyset = order.Keyset?.Select(k => new KeysetColumn(OrdinalOf(k.Property, entitySet, columns, written), k.Property.Kind)).ToList();
        return Page(request, service, preferences, shape, columns, written, predicates, order, parameters) with
        {
            ColumnCount = columns.Count,
            Computed = computed,
            Expands = expands,
            ParentCheck = parentCheck,
            Keyset = keyset,
            VersionOrdinal = versionOrdinal,
        };
    }

    /// <summary>The ordinal of a property in the page statement; a sort column nobody selected is added (and never written).</summary>
    private static int OrdinalOf(PropertyBinding property, EntitySetBinding entitySet, List<string> columns, List<(PropertyBinding Property, int Ordinal)> written)
    {
        if (property == entitySet.Key)
        {
            return 0;
        }

        var selected = written.FindIndex(w => w.Property == property);
        if (selected >= 0)
        {
            return written[selected].Ordinal;
        }

        columns.Add(property.QuotedColumn);
        return columns.Count - 1;
    }

    private static QueryPlan Page(
        ParsedRequest request,
        ServiceBinding service,
        ClientPreferences preferences,
        string shape,
        List<string> columns,
        List<(PropertyBinding, int)> written,
        List<string> predicates,
        OrderPlan order,
        SqlParameterList parameters)
    {
        var definition = service.Definition;
        var dialect = definition.Dialect;
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

        var start = request.SkipToken is null
            ? new SkipTokenPosition(0, null)
            : SkipToken.DecodePosition(request.SkipToken, shape, order.Keyset?.Select(k => dialect.SortValueType(k.Property.Kind)).ToList());
        var skip = request.Skip ?? 0;
        var rowsBefore = checked(start.Offset + skip);
        var top = request.Top;
        var canHaveMore = top is null || top > pageSize;
        var rowsToWrite = top is { } t && t < pageSize ? (int)t : pageSize;
        var fetch = rowsToWrite + (canHaveMore ? 1 : 0);

        // The count is over the base (row scope AND $filter AND $search), without the seek.
        var count = request.Count ? SqlStatementFactory.Count(request.EntitySet.QuotedTable, predicates, parameters) : null;
        var pagePredicates = predicates;
        long? offset = rowsBefore;
        if (start.Keyset is { } last)
        {
            var seek = new List<SeekTerm>(last.Count);
            for (var i = 0; i < last.Count; i++)
            {
                var (property, descending) = order.Keyset![i];
                seek.Add(new SeekTerm(property.QuotedColumn, descending, property.IsNullable, last[i] is { } value ? parameters.Add(value) : null));
            }

            pagePredicates = [.. predicates, dialect.SeekPredicate(seek)];
            offset = skip == 0 ? null : skip;
        }

        return new QueryPlan
        {
            Page = SqlStatementFactory.Select(dialect, request.EntitySet.QuotedTable, columns, pagePredicates, order.Terms, parameters, fetch, offset),
            Count = count,
            Columns = written,
            RowsToWrite = rowsToWrite,
            CanHaveMore = canHaveMore,
            NextOffset = checked(rowsBefore + rowsToWrite),
            RemainingTop = top is null ? null : top - rowsToWrite,
            AppliedMaxPageSize = applied,
        };
    }

    /// <summary>
    /// The ORDER BY terms, the key appended unless already ordered on. When every term is a plain column of the
    /// set, also those columns and directions (the keyset); an expression, a function, a <c>$compute</c> alias or a
    /// path through a navigation pages by offset instead.
    /// </summary>
    private static OrderPlan OrderTerms(OrderByClause? clause, SqlExpressionTranslator translator, EntitySetBinding entitySet, ISqlDialect dialect)
    {
        var terms = new List<string>();
        List<(PropertyBinding Property, bool Descending)>? keyset = [];
        var keyOrdered = false;
        for (var item = clause; item is not null; item = item.ThenBy)
        {
            var expression = translator.TranslateValue(item.Expression);
            var descending = item.Direction == OrderByDirection.Descending;
            keyOrdered |= expression == entitySet.Key.QuotedColumn;
            terms.Add(dialect.OrderTerm(expression, descending));
            if (item.Expression is SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } access
                && entitySet.Find(access.Property) is { } property && property.QuotedColumn == expression)
            {
                keyset?.Add((property, descending));
            }
            else
            {
                keyset = null;
            }
        }

        if (!keyOrdered)
        {
            terms.Add(dialect.OrderTerm(entitySet.Key.QuotedColumn, descending: false));
            keyset?.Add((entitySet.Key, false));
        }

        return new OrderPlan(terms, keyset);
    }

    /// <summary>The ORDER BY terms and, when the order allows keyset paging, its columns and directions.</summary>
    private sealed record OrderPlan(List<string> Terms, List<(PropertyBinding Property, bool Descending)>? Keyset);
}
