using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Privacy;

/// <summary>Whole-database checks: every table as text, and the figures that must survive an erasure.</summary>
internal static class PrivacyAssertions
{
    public static readonly string[] DataTables =
        ["Contacts", "Conversations", "Interactions", "Moments", "Publications", "Posts", "Accounts", "AuditEvents", "Tombstones", "ErasureKey"];

    /// <summary>Every stored value of every table, one line per row.</summary>
    public static async Task<string> DumpAllAsync(TestDatabase db)
    {
        var lines = new List<string>();
        foreach (var table in DataTables)
        {
            lines.AddRange((await db.DumpAsync(table)).Select(row => table + ": " + row));
        }

        return string.Join("\n", lines);
    }

    /// <summary>What reports and metrics are computed from: counts, response times and conversation counters.</summary>
    public static async Task<string> AggregatesAsync(TestDatabase db) => string.Join("; ",
        await db.ScalarAsync(
            """
            SELECT COUNT(*) || ' interactions, ' || COUNT(DISTINCT ContactId) || ' contacts, ' || SUM(Direction = 'Inbound') || ' inbound, ' ||
                   COALESCE(SUM(ResponseSeconds), 0) || ' s response, ' || SUM(RespondedAt IS NOT NULL) || ' answered'
            FROM Interactions
            """),
        await db.ScalarAsync("SELECT GROUP_CONCAT(Network || '/' || Kind || '/' || Direction || '=' || n, ',') FROM (SELECT Network, Kind, Direction, COUNT(*) AS n FROM Interactions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3)"),
        await db.ScalarAsync("SELECT GROUP_CONCAT(Id || ':' || COALESCE(ContactId, '-') || ':' || MessagesIn || '/' || MessagesOut || '/' || COALESCE(FirstResponseSeconds, '-') || '/' || StartedAt || '/' || LastActivityAt, ',') FROM (SELECT * FROM Conversations ORDER BY Id)"),
        await db.ScalarAsync("SELECT COUNT(*) || ' contacts, ' || SUM(IsCustomer) || ' customers' FROM Contacts"),
        await db.ScalarAsync("SELECT COUNT(*) || ' moments, ' || COUNT(ContactId) || ' with contact' FROM Moments"),
        await db.ScalarAsync("SELECT GROUP_CONCAT(Id || '=' || COALESCE(ContactId, '-') || '/' || COALESCE(ConversationId, '-') || '/' || COALESCE(PostId, '-'), ',') FROM (SELECT * FROM Interactions ORDER BY Id)"));

    public static void ShouldHoldNoneOf(this string dump, IEnumerable<string> erased, string because)
    {
        foreach (var value in erased)
        {
            dump.Should().NotContain(value, because);
        }
    }
}
