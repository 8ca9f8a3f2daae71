namespace Engage.Host.Privacy.Export;

/// <summary>Everything stored about one person, with the header of the package.</summary>
internal sealed record SubjectExport(DateTimeOffset GeneratedAt, long WorkspaceId, IReadOnlyList<long> ContactIds, IReadOnlyList<SubjectTable> Tables)
{
    /// <summary>Rows per table, in table order (the header and the audit row carry these).</summary>
    public IReadOnlyDictionary<string, int> Counts => Tables.ToDictionary(t => t.Name, t => t.Rows.Count);
}
