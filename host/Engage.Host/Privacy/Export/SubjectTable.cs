namespace Engage.Host.Privacy.Export;

/// <summary>One table of an export: its column names and its rows (values as stored: text, integer, real or null).</summary>
internal sealed record SubjectTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Columns stored as 0/1 that the JSON form writes as true/false.</summary>
    public static readonly IReadOnlySet<string> BooleanColumns = new HashSet<string>(StringComparer.Ordinal) { "IsCustomer", "IsExistingCustomer" };
}
