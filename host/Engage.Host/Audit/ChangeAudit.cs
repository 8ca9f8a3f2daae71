using Engage.Host.ODataWrites;
using Engage.OData.Writes;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Audit;

/// <summary>
/// The OData service's after-change hook: appends one AuditEvents row per successful insert, update, delete and bound
/// action, in the change's transaction (a failed append rolls the change back). Actor is the principal's name (never
/// the key); Action is <c>Set.Insert|Update|Delete</c> or <c>Set.Namespace.Action</c> (<c>Interactions.Engage.Reply</c>),
/// unless the set describes its changes itself (<see cref="Describers"/>, e.g. <c>ApiKey.Create</c>).
/// </summary>
internal sealed class ChangeAudit(AuditTrail trail, IReadOnlyDictionary<string, Func<ChangeContext, AuditEntry?>> describers)
{
    /// <summary>The sets that write their own audit entry (same actor rules, their own Action and Details).</summary>
    public IReadOnlyDictionary<string, Func<ChangeContext, AuditEntry?>> Describers { get; } = describers;

    public async ValueTask AppendAsync(ChangeContext change, CancellationToken cancellationToken)
    {
        var entry = (Describers.TryGetValue(change.EntitySet, out var describe) ? describe(change) : null)
            ?? new AuditEntry(Actors.Of(change.HttpContext), ActionOf(change), change.EntitySet, ChangeSummary.Key(change.Key), ChangeSummary.Describe(change));
        await trail.AppendAsync((SqliteConnection)change.Connection, (SqliteTransaction)change.Transaction, entry, cancellationToken);
    }

    public static string ActionOf(ChangeContext change) =>
        change.EntitySet + "." + (change.Operation == WriteOperation.Action ? change.Action : change.Operation.ToString());
}
