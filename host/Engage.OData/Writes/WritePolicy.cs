namespace Engage.OData.Writes;

/// <summary>
/// What clients may change in one entity set, declared by the host on its <c>EntitySetMapping</c>. A set
/// without a policy is read-only. Property names are the EDM names.
/// </summary>
internal sealed record WritePolicy
{
    /// <summary>The properties a <c>POST</c> may carry; empty: the set refuses <c>POST</c> (405).</summary>
    public IReadOnlyCollection<string> Insertable { get; init; } = [];

    /// <summary>The properties a <c>PATCH</c> may carry; empty: the set refuses <c>PATCH</c> (405).</summary>
    public IReadOnlyCollection<string> Updatable { get; init; } = [];

    /// <summary>Whether <c>DELETE</c> is allowed.</summary>
    public bool Deletable { get; init; }

    /// <summary>
    /// Non-nullable properties a <c>POST</c> may leave out because the store has a default or a hook sets
    /// them; any other non-nullable insertable property missing from a <c>POST</c> is a 400 naming it. On an
    /// insertable set, every non-nullable property must be insertable or listed here (checked at startup).
    /// </summary>
    public IReadOnlyCollection<string> OptionalOnInsert { get; init; } = [];

    /// <summary>
    /// An INTEGER column (not an EDM property) holding the row's version: the ETag is <c>W/"version"</c>.
    /// The engine bumps it when an update changes a value; the store (a trigger) should bump it on other changes.
    /// </summary>
    public string? VersionColumn { get; init; }

    /// <summary>Whether <c>PATCH</c>, <c>DELETE</c> and bound actions need <c>If-Match</c> (428 without one). Off by default.</summary>
    public bool RequireIfMatch { get; init; }

    /// <summary>
    /// Whether <c>POST</c> always answers 201 with the entity, even when the client prefers <c>return=minimal</c>: for
    /// sets whose answer carries a value that exists only in that response (<see cref="WriteContext.SetResponseValue"/>,
    /// for example a new key's secret), which a 204 would lose for good.
    /// </summary>
    public bool InsertAnswersWithEntity { get; init; }

    /// <summary>On insert only, first: checks or sets the values that put the new row inside the caller's row scope.</summary>
    public WriteHook? ScopeInsert { get; init; }

    /// <summary>Validates the change: report problems with <see cref="WriteContext.AddError"/> or <see cref="WriteContext.Conflict"/>.</summary>
    public WriteHook? Validate { get; init; }

    /// <summary>Runs after a successful validation: sets server-owned values (timestamps, derived dates, unmapped columns).</summary>
    public WriteHook? ServerValues { get; init; }
}
