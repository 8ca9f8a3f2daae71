namespace Engage.Host.Audit;

/// <summary>The result of walking the chain: how many rows were checked and, if broken, the first broken row and why.</summary>
internal sealed record AuditVerification(long RowsChecked, long? BrokenRowId, string? Problem)
{
    public bool Intact => BrokenRowId is null;
}
