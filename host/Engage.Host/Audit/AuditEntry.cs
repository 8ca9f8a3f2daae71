namespace Engage.Host.Audit;

/// <summary>
/// One change for the audit trail: who made it (a principal's name, never a key), what it was
/// (<c>ApiKey.Create</c>), which row, and a summary that holds no secret.
/// </summary>
internal sealed record AuditEntry(string Actor, string Action, string? EntitySet, string? EntityId, string? Details);
