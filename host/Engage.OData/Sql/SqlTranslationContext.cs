using Engage.OData.Binding;
using Microsoft.OData.UriParser;

namespace Engage.OData.Sql;

/// <summary>What a translation needs: the entity set's columns, the dialect, the parameters it adds to, aliases and limits.</summary>
internal sealed class SqlTranslationContext(
    EntitySetBinding entitySet,
    ISqlDialect dialect,
    SqlParameterList parameters,
    IDictionary<string, SingleValueNode>? parameterAliases,
    int maxDepth)
{
    public EntitySetBinding EntitySet { get; } = entitySet;

    public ISqlDialect Dialect { get; } = dialect;

    public SqlParameterList Parameters { get; } = parameters;

    public IDictionary<string, SingleValueNode>? ParameterAliases { get; } = parameterAliases;

    public int MaxDepth { get; } = maxDepth;

    /// <summary>The row scope of each entity set, ANDed into navigation and lambda subqueries; null for none.</summary>
    public Func<string, SqlCondition?>? RowScope { get; init; }

    /// <summary>The request's time, the value of <c>now()</c>.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>The request's <c>$compute</c> aliases.</summary>
    public IReadOnlyList<Query.ComputedProperty> Computed { get; init; } = [];

    /// <summary>
    /// After an aggregating <c>$apply</c>: resolves a property path or alias to a column of the aggregated rows
    /// (it throws for anything else); null resolves properties against <see cref="EntitySet"/>.
    /// </summary>
    public Func<SingleValueNode, SqlFragment>? Columns { get; init; }
}
