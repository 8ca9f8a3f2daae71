using System.Globalization;
using Engage.Host.Operator;

namespace Engage.Host.Security;

/// <summary>
/// The checked arguments of <c>keys create</c>: a name of 1 to 200 characters, one of the four roles, the workspace
/// Ids (required except for Admin, whose key without a list reaches all workspaces) and an optional expiry in the
/// future (a date means 00:00 UTC that day).
/// </summary>
internal sealed record KeyRequest(string Name, string Role, IReadOnlyList<long>? Workspaces, DateTimeOffset? ExpiresAt)
{
    public static readonly IReadOnlyList<string> Roles = ["Admin", "Editor", "Approver", "Analyst"];

    /// <summary>The workspaces as stored in ApiKeys.Workspaces: comma-separated Ids, null for all.</summary>
    public string? StoredWorkspaces => Workspaces is null ? null : string.Join(',', Workspaces.Select(w => w.ToString(CultureInfo.InvariantCulture)));

    public static KeyRequest Parse(IReadOnlyDictionary<string, string> options, DateTimeOffset now)
    {
        var name = options.GetValueOrDefault("name")?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            throw Usage("keys create needs --name with 1 to 200 characters (who or what the key is for, e.g. --name \"Power BI refresh\").");
        }

        if (!options.TryGetValue("role", out var roleText))
        {
            throw Usage($"keys create needs --role, one of {string.Join(", ", Roles)}.");
        }

        var role = Roles.FirstOrDefault(r => r.Equals(roleText, StringComparison.OrdinalIgnoreCase))
            ?? throw Usage($"--role {roleText} is not a role; use one of {string.Join(", ", Roles)}.");
        var workspaces = options.TryGetValue("workspaces", out var list) ? ParseWorkspaces(list) : null;
        if (workspaces is null && role != "Admin")
        {
            throw Usage($"An {role} key needs --workspaces (comma-separated workspace Ids, e.g. --workspaces 1,2); only an Admin key may reach all workspaces.");
        }

        DateTimeOffset? expiresAt = options.TryGetValue("expires", out var expires) ? ParseExpiry(expires, now) : null;
        return new KeyRequest(name, role, workspaces, expiresAt);
    }

    private static List<long> ParseWorkspaces(string list) =>
        TryParseWorkspaces(list, out var ids, out var bad)
            ? ids
            : throw Usage($"--workspaces {list}: '{bad}' is not a workspace Id; give Ids separated by commas, e.g. 1,2.");

    /// <summary>
    /// Reads a comma-separated list of workspace Ids ("1, 2,2": 1 and 2, in order, without repeats); false with the
    /// first part that is not a positive integer otherwise.
    /// </summary>
    public static bool TryParseWorkspaces(string list, out List<long> ids, out string? badPart)
    {
        ids = [];
        badPart = null;
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                badPart = part;
                return false;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return true;
    }

    private static DateTimeOffset ParseExpiry(string text, DateTimeOffset now)
    {
        DateTimeOffset at;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            at = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        else if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at))
        {
            throw Usage($"--expires {text} is not a date; use yyyy-MM-dd (the key stops working at 00:00 UTC that day) or an ISO 8601 time.");
        }

        if (at <= now)
        {
            throw Usage($"--expires {text} is not in the future.");
        }

        return at;
    }

    private static OperatorException Usage(string message) => new(OperatorException.Usage, message);
}
