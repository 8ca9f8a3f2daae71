using Engage.Host.Audit;
using Engage.Host.Store;

namespace Engage.Host.Tests.Audit;

/// <summary>Appends audit rows the way the host does (one transaction per change, or many in one).</summary>
internal static class AuditChain
{
    public static async Task AppendAsync(EngageDatabase database, int rows)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        var trail = new AuditTrail(TimeProvider.System);
        for (var i = 1; i <= rows; i++)
        {
            await trail.AppendAsync(connection, transaction, new AuditEntry($"analyst {i}", "Test.Change", "Things", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"change number {i}"), CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    public static async Task ExecuteAsync(EngageDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command(sql);
        await command.ExecuteNonQueryAsync();
    }
}
