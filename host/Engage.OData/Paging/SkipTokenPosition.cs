namespace Engage.OData.Paging;

/// <summary>
/// Where the next page starts, as read from a <c>$skiptoken</c>: the rows before it, and for a keyset token the
/// last row's sort values (null for an offset token).
/// </summary>
internal sealed record SkipTokenPosition(long Offset, IReadOnlyList<object?>? Keyset);
