using System.Text.Json;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>
/// What the role matrix expects (the product's rules, written down independently of the host's table) and a valid
/// request body per writable set. A set the model makes writable without an entry here fails the matrix test.
/// </summary>
internal static class WriteSamples
{
    private static readonly string[] Admins = ["Admin", "ScopedAdmin"];
    private static readonly string[] Writers = ["Admin", "ScopedAdmin", "Editor"];

    /// <summary>(set, method) -> the principals that may; the others get 403.</summary>
    public static readonly Dictionary<(string Set, string Method), string[]> Allowed = new()
    {
        [("Workspaces", "POST")] = ["Admin"],
        [("Workspaces", "PATCH")] = Admins,
        [("Workspaces", "DELETE")] = Admins,
        [("Connections", "POST")] = Admins,
        [("Connections", "PATCH")] = Admins,
        [("Connections", "DELETE")] = Admins,
        [("ListeningQueries", "POST")] = Writers,
        [("ListeningQueries", "PATCH")] = Writers,
        [("ListeningQueries", "DELETE")] = Writers,
        [("Moments", "POST")] = Writers,
        [("Moments", "PATCH")] = Writers,
        [("Moments", "DELETE")] = Writers,
        [("Publications", "POST")] = Writers,
        [("Publications", "PATCH")] = Writers,
        [("Publications", "DELETE")] = Writers,
        [("Contacts", "PATCH")] = Writers,
        [("Interactions", "PATCH")] = Writers,
        [("ApiKeys", "POST")] = ["Admin"],
    };

    /// <summary>The answer of an allowed request, by method; Workspaces DELETE targets A, which holds data (409).</summary>
    public static int Success(string set, string method) => (set, method) switch
    {
        ("Workspaces", "DELETE") => 409,
        (_, "POST") => 201,
        _ => 204,
    };

    /// <summary>A valid POST body for a new row of <paramref name="set"/> in <paramref name="workspace"/>, or null for sets without one here.</summary>
    public static object? Insert(string set, long workspace, long account, long contact) => set switch
    {
        "Workspaces" => new { Name = "Matrix " + Guid.NewGuid().ToString("N") },
        "Connections" => new
        {
            WorkspaceId = workspace, Plugin = "engage.demo", Connector = "demo", DisplayName = "Matrix", IntervalSeconds = 604800,
            Settings = JsonSerializer.Serialize(new { historyDays = "1" }),
        },
        "ListeningQueries" => new { WorkspaceId = workspace, Name = "Matrix", Terms = "matrix" },
        "Moments" => new { WorkspaceId = workspace, OccurredAt = "2026-03-10T23:30:00Z", Change = "Matrix", ContactId = contact },
        "Publications" => new { WorkspaceId = workspace, AccountId = account, Text = "Matrix" },
        "ApiKeys" => new { Name = "Matrix", Role = "Analyst", Workspaces = workspace.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        _ => null,
    };

    /// <summary>A valid PATCH body for <paramref name="set"/>.</summary>
    public static object? Update(string set) => set switch
    {
        "Workspaces" => new { TimeZone = "Europe/Paris" },
        "Connections" => new { DisplayName = "Matrix renamed" },
        "ListeningQueries" => new { Name = "Matrix renamed" },
        "Moments" => new { Change = "Matrix changed" },
        "Publications" => new { Text = "Matrix changed" },
        "Contacts" => new { Tags = "matrix" },
        "Interactions" => new { Team = "matrix" },
        _ => null,
    };
}
