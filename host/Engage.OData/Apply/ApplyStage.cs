using Engage.OData.Query;

namespace Engage.OData.Apply;

/// <summary>
/// The input set of the next <c>$apply</c> transformation. Before any aggregation it is the entity set itself
/// (<see cref="IsEntity"/>: the table, the filters so far, the computed aliases); after one it is a derived table
/// whose <see cref="Columns"/> are the grouping properties and aliases, identified by <see cref="Keys"/>.
/// </summary>
internal sealed class ApplyStage
{
    public required bool IsEntity { get; init; }

    /// <summary>The FROM item: the quoted table, or <c>(SELECT … GROUP BY …) AS "_tN"</c>.</summary>
    public required string From { get; init; }

    /// <summary>WHERE terms over <see cref="From"/> (the row scope first, for the entity set).</summary>
    public List<string> Predicates { get; } = [];

    /// <summary>The <c>compute</c> aliases of the entity stage, inlined where used.</summary>
    public List<ComputedProperty> Computed { get; } = [];

    /// <summary>The size and depth of each alias's expression once inlined (<see cref="ApplyExpressionSize"/>).</summary>
    public Dictionary<string, ApplyExpressionSize> AliasSizes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The columns of an aggregated stage, in output order.</summary>
    public List<ApplyColumn> Columns { get; } = [];

    /// <summary>
    /// For a stage made by one <c>SELECT … GROUP BY</c>: that statement (its columns named like the derived table's)
    /// and the derived table's alias, so a page with nothing on top is that statement itself.
    /// </summary>
    public (string Select, string Alias)? Grouped { get; init; }

    /// <summary>The columns that identify a row (the grouping properties; none for a single aggregate row).</summary>
    public List<ApplyColumn> Keys { get; } = [];
}
