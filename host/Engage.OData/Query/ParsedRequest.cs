using Engage.OData.Binding;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Engage.OData.Query;

/// <summary>A request as understood from its URI: the addressed set and the supported query options, already validated.</summary>
internal sealed class ParsedRequest
{
    public required RequestKind Kind { get; init; }

    public required EntitySetBinding EntitySet { get; init; }

    /// <summary>The key literal for <see cref="RequestKind.Entity"/>.</summary>
    public object? KeyValue { get; init; }

    public FilterClause? Filter { get; init; }

    public SearchClause? Search { get; init; }

    /// <summary>The <c>$compute</c> aliases, usable in <c>$filter</c>, <c>$orderby</c> and <c>$select</c>.</summary>
    public IReadOnlyList<ComputedProperty> Computed { get; init; } = [];

    /// <summary>The computed properties written on each entity.</summary>
    public IReadOnlyList<ComputedProperty> ComputedWritten { get; init; } = [];

    public OrderByClause? OrderBy { get; init; }

    public required Selection Selection { get; init; }

    public long? Top { get; init; }

    public long? Skip { get; init; }

    public bool Count { get; init; }

    public string? SkipToken { get; init; }

    public IDictionary<string, SingleValueNode>? ParameterAliases { get; init; }

    /// <summary>The <c>$apply</c> transformations, evaluated before every other option (see <c>Apply/</c>).</summary>
    public ApplyClause? Apply { get; init; }

    /// <summary>The navigation the path went through (<c>Set(key)/Nav…</c>), or null for a plain entity-set path.</summary>
    public NavigationPath? Navigation { get; init; }
}
