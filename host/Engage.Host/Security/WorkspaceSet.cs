using System.Globalization;

namespace Engage.Host.Security;

/// <summary>
/// The workspaces a principal may see: all of them (an Admin key stored without a list), or the listed Ids
/// (<c>ApiKeys.Workspaces</c>, comma-separated).
/// </summary>
internal sealed class WorkspaceSet
{
    private WorkspaceSet(bool all, IReadOnlyList<long> ids)
    {
        All = all;
        Ids = ids;
    }

    /// <summary>Every workspace, including those created later.</summary>
    public static WorkspaceSet Everything { get; } = new(true, []);

    public bool All { get; }

    /// <summary>The listed workspace Ids (empty when <see cref="All"/>).</summary>
    public IReadOnlyList<long> Ids { get; }

    public static WorkspaceSet Of(params long[] ids) => new(false, [.. ids.Distinct()]);

    public bool Contains(long workspaceId) => All || Ids.Contains(workspaceId);

    /// <summary>Reads the stored form: null means all; otherwise Ids separated by commas. Null when the text is not such a list.</summary>
    public static WorkspaceSet? Parse(string? stored)
    {
        if (stored is null)
        {
            return Everything;
        }

        var ids = new List<long>();
        foreach (var part in stored.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return Of([.. ids]);
    }

    public override string ToString() => All ? "all workspaces" : "workspaces " + string.Join(",", Ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
