namespace Engage.Host.Privacy.Erasure;

/// <summary>A row about to be erased: what the tombstone and the pseudonym need, and (contacts only) the handle and name, for <see cref="ReasonCheck"/>.</summary>
internal sealed record ErasedRow(long Id, long ConnectionId, string Network, string ExternalId, long? ContactId, string? Names);
