using Engage.OData.Binding;
using Engage.OData.Expand;
using Engage.OData.Sql;

namespace Engage.OData.Query;

/// <summary>
/// The statements to run for one request and how to page their result. The key is always column 0
/// of the page statement; <see cref="Columns"/> maps each written property to its ordinal.
/// </summary>
internal sealed record QueryPlan
{
    public SqlStatement? Page { get; init; }

    public SqlStatement? Count { get; init; }

    public IReadOnlyList<(PropertyBinding Property, int Ordinal)> Columns { get; init; } = [];

    public int KeyOrdinal => 0;

    /// <summary>The <c>$compute</c> aliases written after the properties, with their ordinals.</summary>
    public IReadOnlyList<ComputedColumn> Computed { get; init; } = [];

    /// <summary>The ordinal of the row version (written as <c>@odata.etag</c>), when the set has one.</summary>
    public int? VersionOrdinal { get; init; }

    /// <summary>For a path through a navigation: returns a row when the parent exists (within its row scope).</summary>
    public SqlStatement? ParentCheck { get; init; }

    /// <summary>The number of columns the page statement selects.</summary>
    public int ColumnCount { get; init; }

    /// <summary>The expanded navigations and the ordinal of their source column in the page rows.</summary>
    public IReadOnlyList<(ExpandLevel Level, int SourceOrdinal)> Expands { get; init; } = [];

    /// <summary>Rows written on this page (the page statement may fetch one more to detect a next page).</summary>
    public int RowsToWrite { get; init; }

    /// <summary>Whether rows may follow this page (the page statement then fetches one extra row).</summary>
    public bool CanHaveMore { get; init; }

    /// <summary>The offset of the first row of the next page (the next token's position, or its fallback when paging by keyset).</summary>
    public long NextOffset { get; init; }

    /// <summary>
    /// When the order is made of plain columns: the ORDER BY columns (the key last) whose values in the last written
    /// row make the next page's keyset token, with their ordinals in the page statement (selected for the purpose when
    /// the client did not select them; never written). Null when the next page starts at an offset.
    /// </summary>
    public IReadOnlyList<Paging.KeysetColumn>? Keyset { get; init; }

    /// <summary>The <c>$top</c> left for the next page, when the client sent one.</summary>
    public long? RemainingTop { get; init; }

    /// <summary>The <c>odata.maxpagesize</c> that was honoured, if any.</summary>
    public int? AppliedMaxPageSize { get; init; }
}
