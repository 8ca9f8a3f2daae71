namespace Engage.OData.Expand;

/// <summary>The rows of one expanded navigation for a page of parents, grouped by join value, with their own expansions.</summary>
internal sealed class ExpandedRows(ExpandLevel level, int sourceOrdinal)
{
    public ExpandLevel Level { get; } = level;

    /// <summary>The ordinal, in the parent rows, of the navigation's source column.</summary>
    public int SourceOrdinal { get; } = sourceOrdinal;

    public Dictionary<object, List<object[]>> ByParent { get; } = [];

    public Dictionary<object, long>? Counts { get; set; }

    public List<ExpandedRows> Children { get; } = [];

    public IReadOnlyList<object[]> For(object[] parentRow) =>
        parentRow[SourceOrdinal] is { } value and not DBNull && ByParent.TryGetValue(value, out var rows) ? rows : [];

    public long CountFor(object[] parentRow) =>
        parentRow[SourceOrdinal] is { } value and not DBNull && Counts is not null && Counts.TryGetValue(value, out var count) ? count : 0;
}
