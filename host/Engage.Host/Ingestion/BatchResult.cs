namespace Engage.Host.Ingestion;

/// <summary>What storing one batch did.</summary>
/// <param name="Fetched">Items in the batch.</param>
/// <param name="New">Rows that did not exist before.</param>
/// <param name="EarliestDate">The earliest day whose figures the batch changed (for metric recomputation).</param>
internal sealed record BatchResult(int Fetched, int New, DateOnly? EarliestDate);
