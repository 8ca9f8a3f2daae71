namespace Engage.OData.Writes;

/// <summary>
/// A host callback run after a write's statement (or a bound action's handler) succeeded, inside the same
/// transaction and before the commit: it may record the change (an audit row) with the connection and transaction
/// it is given. If it throws, the transaction rolls back and the request fails: nothing is changed.
/// </summary>
internal delegate ValueTask ChangeHook(ChangeContext change, CancellationToken cancellationToken);
