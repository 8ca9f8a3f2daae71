using System.Globalization;
using System.Text;
using Engage.OData.Binding;
using Engage.OData.Errors;
using Engage.OData.Paging;
using Engage.OData.Query;
using Engage.OData.Sql;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Engage.OData.Apply;

/// <summary>
/// Turns <c>$apply</c> into SQL. Filters and computes before the first aggregation stay on the table (WHERE terms,
/// inlined expressions); each <c>groupby</c>/<c>aggregate</c> is one <c>SELECT … GROUP BY</c> over the rows so far and
/// becomes a derived table for what follows. <c>$filter</c>, <c>$orderby</c> (the grouping properties appended for a
/// stable order), <c>$skip</c>/<c>$top</c>, paging and <c>$count</c> then apply to the last step's rows.
/// The row scope is in the innermost WHERE and in every subquery a navigation path adds.
/// </summary>
internal sealed class ApplyPlanBuilder
{
    private const int MaxTransformations = 16;
    private const int MaxColumns = 200;
    private const long MaxExpressionSize = 20_000;
    private const long MaxTotalSize = 60_000;
    private const int MaxParameters = 30_000;

    private readonly ParsedRequest _request;
    private readonly ServiceBinding _service;
    private readonly ISqlDialect _dialect;
    private readonly Func<string, SqlCondition?>? _scopeFor;
    private readonly SqlParameterList _parameters = new();
    private int _nextTable;
    private long _totalSize;

    private ApplyPlanBuilder(ParsedRequest request, ServiceBinding service, Func<string, SqlCondition?>? scopeFor)
    {
        _request = request;
        _service = service;
        _dialect = service.Definition.Dialect;
        _scopeFor = scopeFor;
    }

    public static ApplyPlan Build(
        ParsedRequest request, ServiceBinding service, Func<string, SqlCondition?>? scopeFor, ClientPreferences preferences, string shape)
    {
        Refuse(request);
        return new ApplyPlanBuilder(request, service, scopeFor).Build(preferences, shape);
    }

    private static void Refuse(ParsedRequest request)
    {
        if (request.Kind == RequestKind.Entity)
        {
            throw ODataRequestException.BadRequest("$apply does not apply to a single entity.");
        }

        if (request.Navigation is not null)
        {
            throw ODataRequestException.NotImplemented("$apply on a navigation path is not supported yet; apply it to the entity set and filter on the key.");
        }

        if (request.Selection.ContextList is not null || request.Selection.Expands.Count > 0)
        {
            throw ODataRequestException.NotImplemented("$select and $expand together with $apply are not supported yet; $apply decides the properties.");
        }

        if (request.Search is not null || request.Computed.Count > 0)
        {
            throw ODataRequestException.NotImplemented("$search and $compute together with $apply are not supported yet; use filter(...) and compute(...) inside $apply.");
        }
    }

    private ApplyPlan Build(ClientPreferences preferences, string shape)
    {
        var entitySet = _request.EntitySet;
        var stage = new ApplyStage { IsEntity = true, From = entitySet.QuotedTable };
        if (_scopeFor?.Invoke(entitySet.Name) is { } scope)
        {
            stage.Predicates.Add("(" + scope.Sql + ")");
            _parameters.AddNamed(scope.Parameters);
        }

        var transformations = _request.Apply!.Transformations.ToList();
        if (transformations.Count > MaxTransformations)
        {
            throw ODataRequestException.BadRequest($"$apply may chain at most {MaxTransformations} transformations.");
        }

        foreach (var transformation in transformations)
        {
            stage = transformation switch
            {
                FilterTransformationNode filter => Filter(stage, filter.FilterClause.Expression),
                ComputeTransformationNode compute => Compute(stage, compute),
                GroupByTransformationNode groupBy => Aggregate(stage, groupBy.GroupingProperties, groupBy.ChildTransformations),
                AggregateTransformationNode aggregate => Aggregate(stage, [], aggregate),
                _ => throw ODataRequestException.NotImplemented(
                    $"The $apply transformation '{transformation.Kind.ToString().ToLowerInvariant()}' is not supported yet (supported: filter, compute, groupby, aggregate)."),
            };
        }

        if (stage.IsEntity)
        {
            stage = Entities(stage);
        }

        if (_request.Filter is not null)
        {
            stage = Filter(stage, _request.Filter.Expression);
        }

        var output = ApplyOutput.Build(stage.Columns);
        var list = ApplyOutput.ContextList(output);
        var context = transformations.All(t => t is FilterTransformationNode) ? entitySet.Name : $"{entitySet.Name}({list})";
        var count = SqlStatementFactory.Count(stage.From, stage.Predicates, _parameters);
        if (_request.Kind == RequestKind.Count)
        {
            return count.Parameters.Count <= MaxParameters
                ? new ApplyPlan { Count = count }
                : throw ODataRequestException.BadRequest($"$apply needs more than {MaxParameters} values; use fewer literals.");
        }

        return Page(stage, preferences, shape) with { Count = count, WithCount = _request.Count, Output = output, ContextFragment = context };
    }

    private ApplyStage Filter(ApplyStage stage, SingleValueNode expression)
    {
        Guard(stage, expression);
        stage.Predicates.Add(Translator(stage).TranslatePredicate(expression));
        return stage;
    }

    private ApplyStage Compute(ApplyStage stage, ComputeTransformationNode compute)
    {
        foreach (var item in compute.Expressions)
        {
            var size = Guard(stage, item.Expression);
            if (stage.Computed.Exists(c => Same(c.Alias, item.Alias)) || stage.Columns.Exists(c => Same(c.Path[0], item.Alias))
                || (stage.IsEntity && _request.EntitySet.EntitySet.EntityType().FindProperty(item.Alias) is not null))
            {
                throw ODataRequestException.BadRequest($"The alias '{item.Alias}' is already a property of the input set.");
            }

            var value = Translator(stage).TranslateFragment(item.Expression);
            var kind = value.IsNullLiteral ? EdmPrimitiveTypeKind.String : value.Kind;
            RequireWritable(item.Alias, kind);
            if (stage.IsEntity)
            {
                stage.Computed.Add(new ComputedProperty(item.Alias, item.Expression, kind));
                stage.AliasSizes[item.Alias] = size;
            }
            else
            {
                stage.Columns.Add(new ApplyColumn([item.Alias], value.Sql, kind, value.CanBeNull));
                stage.AliasSizes[item.Alias] = size;
            }
        }

        return stage;
    }

    private ApplyStage Aggregate(ApplyStage stage, IEnumerable<GroupByPropertyNode> grouping, TransformationNode? child)
    {
        var translator = Translator(stage);
        var groups = new List<ApplyColumn>();
        foreach (var (path, expression) in ApplyColumnResolver.Flatten(grouping, []))
        {
            if (groups.Exists(g => g.Matches(path)))
            {
                continue;
            }

            Guard(stage, expression);
            var value = translator.TranslateFragment(expression);
            RequireWritable(string.Join('/', path), value.Kind);
            groups.Add(new ApplyColumn(path, value.Sql, value.Kind, value.CanBeNull || stage.IsEntity && path.Count > 1));
        }

        var aggregates = new List<ApplyColumn>();
        var expressions = child switch
        {
            null => [],
            AggregateTransformationNode aggregate => aggregate.AggregateExpressions.ToList(),
            _ => throw ODataRequestException.NotImplemented($"groupby with a '{child.Kind}' transformation is not supported yet; use aggregate(...)."),
        };
        foreach (var expression in expressions)
        {
            if (expression is not AggregateExpression aggregate)
            {
                throw ODataRequestException.NotImplemented($"'{expression.Alias}': aggregating a related collection is not supported yet.");
            }

            if (groups.Exists(g => Same(g.Path[0], aggregate.Alias)) || aggregates.Exists(a => Same(a.Path[0], aggregate.Alias)))
            {
                throw ODataRequestException.BadRequest($"The alias '{aggregate.Alias}' is used twice in the result.");
            }

            if (aggregate.Expression is not null)
            {
                Guard(stage, aggregate.Expression);
            }

            var (aggregateSql, kind, canBeNull) = ApplyAggregates.Translate(aggregate, stage.IsEntity, translator.TranslateFragment, _dialect.Functions);
            RequireWritable(aggregate.Alias, kind);
            aggregates.Add(new ApplyColumn([aggregate.Alias], aggregateSql, kind, canBeNull));
        }

        if (groups.Count + aggregates.Count > MaxColumns)
        {
            throw ODataRequestException.BadRequest($"$apply may produce at most {MaxColumns} properties.");
        }

        var table = _dialect.QuoteIdentifier("_t" + (_nextTable++).ToString(CultureInfo.InvariantCulture));
        var selected = groups.Concat(aggregates).ToList();
        var sql = new StringBuilder("SELECT ");
        sql.AppendJoin(", ", selected.Select((c, i) => $"{c.Sql} AS {ColumnName(i)}")).Append(" FROM ").Append(stage.From);
        if (stage.Predicates.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", stage.Predicates);
        }

        if (groups.Count > 0)
        {
            sql.Append(" GROUP BY ").AppendJoin(", ", groups.Select(g => g.Sql));
        }

        var next = new ApplyStage { IsEntity = false, From = $"({sql}) AS {table}", Grouped = (sql.ToString(), table) };
        next.Columns.AddRange(selected.Select((c, i) => c with { Sql = $"{table}.{ColumnName(i)}" }));
        next.Keys.AddRange(next.Columns.Take(groups.Count));
        return next;
    }

    /// <summary>An <c>$apply</c> of filters and computes only: the entities with every property and alias.</summary>
    private ApplyStage Entities(ApplyStage stage)
    {
        var entitySet = _request.EntitySet;
        var next = new ApplyStage { IsEntity = true, From = stage.From };
        next.Predicates.AddRange(stage.Predicates);
        next.Computed.AddRange(stage.Computed);
        foreach (var (alias, size) in stage.AliasSizes)
        {
            next.AliasSizes[alias] = size;
        }

        next.Columns.AddRange(entitySet.Properties.Select(p => new ApplyColumn([p.Name], p.QuotedColumn, p.Kind, p.IsNullable)));
        var translator = Translator(next);
        next.Columns.AddRange(stage.Computed.Select(c => new ApplyColumn([c.Alias], translator.TranslateValue(c.Expression), c.Kind, true)));
        next.Keys.Add(next.Columns.First(c => c.Sql == entitySet.Key.QuotedColumn));
        return next;
    }

    private ApplyPlan Page(ApplyStage stage, ClientPreferences preferences, string shape)
    {
        var translator = Translator(stage);
        var terms = new List<(string Expression, bool Descending)>();
        for (var item = _request.OrderBy; item is not null; item = item.ThenBy)
        {
            Guard(stage, item.Expression);
            terms.Add((translator.TranslateValue(item.Expression), item.Direction == OrderByDirection.Descending));
        }

        terms.AddRange(stage.Keys.Where(k => !terms.Exists(t => t.Expression == k.Sql)).Select(k => (k.Sql, false)));

        var paging = ApplyPaging.For(_request, _service.Definition, preferences, shape);
        var fetch = paging.RowsToWrite + (paging.CanHaveMore ? 1 : 0);
        var offset = paging.Offset;
        var page = Flat(stage, terms, fetch, offset)
            ?? SqlStatementFactory.Select(
                _dialect, stage.From, stage.Columns.Select(c => c.Sql).ToList(), stage.Predicates, terms.Select(t => _dialect.OrderTerm(t.Expression, t.Descending)).ToList(), _parameters, fetch, offset);
        if (page.Parameters.Count > MaxParameters)
        {
            throw ODataRequestException.BadRequest($"$apply needs more than {MaxParameters} values; use fewer literals.");
        }

        return new ApplyPlan
        {
            Page = page,
            Count = page,
            RowsToWrite = paging.RowsToWrite,
            CanHaveMore = paging.CanHaveMore,
            NextOffset = checked(offset + paging.RowsToWrite),
            RemainingTop = _request.Top is { } top ? top - paging.RowsToWrite : null,
            AppliedMaxPageSize = paging.AppliedMaxPageSize,
        };
    }

    /// <summary>
    /// A page of a GROUP BY with nothing on top (no filter, no compute after it, ordered by its own columns) is the
    /// GROUP BY itself, ordered by its column names: exactly the statement one would write by hand.
    /// </summary>
    private SqlStatement? Flat(ApplyStage stage, List<(string Expression, bool Descending)> terms, int fetch, long offset)
    {
        if (stage.Grouped is not { } grouped || stage.Predicates.Count > 0 || !stage.Columns.Select((c, i) => c.Sql == $"{grouped.Alias}.{ColumnName(i)}").All(same => same)
            || !terms.TrueForAll(t => stage.Columns.Exists(c => c.Sql == t.Expression)))
        {
            return null;
        }

        var parameters = _parameters.Clone();
        var order = terms.Select(t => _dialect.OrderTerm(t.Expression[(grouped.Alias.Length + 1)..], t.Descending)).ToList();
        var text = grouped.Select + (order.Count > 0 ? " ORDER BY " + string.Join(", ", order) : string.Empty)
            + _dialect.LimitOffset(parameters.Add((long)fetch), parameters.Add(offset));
        return new SqlStatement(text, parameters.Items);
    }

    private SqlExpressionTranslator Translator(ApplyStage stage)
    {
        var definition = _service.Definition;
        return new SqlExpressionTranslator(
            new SqlTranslationContext(_request.EntitySet, _dialect, _parameters, _request.ParameterAliases, definition.MaxExpressionDepth)
            {
                Now = definition.TimeProvider.GetUtcNow(),
                Computed = stage.Computed,
                RowScope = _scopeFor,
                Columns = stage.IsEntity ? null : node => ApplyColumnResolver.Resolve(stage, node),
            });
    }

    /// <summary>Refuses, before translating, what has no meaning on aggregated rows and what would inline to a huge expression.</summary>
    private ApplyExpressionSize Guard(ApplyStage stage, SingleValueNode expression)
    {
        if (!stage.IsEntity)
        {
            ApplyNodeGuard.Check(expression, _request.ParameterAliases);
        }

        var measured = ApplyExpressionSize.Of(expression, alias => stage.AliasSizes.GetValueOrDefault(alias, new ApplyExpressionSize(1, 1)), _request.ParameterAliases);
        _totalSize += measured.Size;
        if (measured.Size > MaxExpressionSize || _totalSize > MaxTotalSize)
        {
            throw ODataRequestException.BadRequest(
                $"$apply is too large once its aliases are expanded (the limits are {MaxExpressionSize} terms per expression and {MaxTotalSize} in all).");
        }

        var maxDepth = _service.Definition.MaxExpressionDepth;
        return measured.Depth <= maxDepth
            ? measured
            : throw ODataRequestException.BadRequest($"An expression of $apply is nested too deeply once its aliases are expanded (the limit is {maxDepth}).");
    }

    private void RequireWritable(string name, EdmPrimitiveTypeKind kind)
    {
        if (!_dialect.Supports(kind) && kind != EdmPrimitiveTypeKind.TimeOfDay)
        {
            throw ODataRequestException.NotImplemented($"'{name}' has the type Edm.{kind}, which $apply cannot return yet.");
        }
    }

    private string ColumnName(int ordinal) => _dialect.QuoteIdentifier("_c" + ordinal.ToString(CultureInfo.InvariantCulture));

    private static bool Same(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
