using Engage.Host.Audit;
using Engage.Host.Store;

namespace Engage.Host.Tests.Audit;

/// <summary>One row of AuditEvents as stored.</summary>
internal sealed record AuditRow(long Id, string Actor, string Action, string? EntitySet, string? EntityId, string? Details);

/// <summary>Reads the audit trail of a host's data folder straight from its database, and verifies its chain.</summary>
internal static class AuditRows
{
    public static async Task<long> LastIdAsync(string dataPath)
    {
        await using var connection = await Open(dataPath).OpenAsync(CancellationToken.None);
        await using var command = connection.Command("SELECT COALESCE(MAX(Id), 0) FROM AuditEvents");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The rows after <paramref name="afterId"/>, in order.</summary>
    public static async Task<IReadOnlyList<AuditRow>> AfterAsync(string dataPath, long afterId = 0)
    {
        await using var connection = await Open(dataPath).OpenAsync(CancellationToken.None);
        await using var command = connection.Command("SELECT Id, Actor, Action, EntitySet, EntityId, Details FROM AuditEvents WHERE Id > @id ORDER BY Id").With("@id", afterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4), reader.GetNullableString(5)));
        }

        return rows;
    }

    public static async Task<AuditVerification> VerifyAsync(string dataPath) =>
        await new AuditVerifier(Open(dataPath)).VerifyAsync(TextWriter.Null, CancellationToken.None);

    private static EngageDatabase Open(string dataPath) => new(Path.Combine(dataPath, "engage.db"));
}
