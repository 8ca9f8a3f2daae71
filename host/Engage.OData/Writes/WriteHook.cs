namespace Engage.OData.Writes;

/// <summary>
/// A host callback run inside the write's transaction, before the statement: it may read the store, set
/// server values and report problems on <paramref name="context"/>.
/// </summary>
internal delegate ValueTask WriteHook(WriteContext context, CancellationToken cancellationToken);
