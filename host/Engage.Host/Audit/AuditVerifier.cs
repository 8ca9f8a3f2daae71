using System.Globalization;
using Engage.Host.Store;

namespace Engage.Host.Audit;

/// <summary>
/// Walks the audit chain in Id order and stops at the first row whose link or contents do not hold: an edited
/// field breaks that row's own hash; a deleted, inserted or reordered row breaks the next row's link to the
/// previous hash. (Removing rows from the end leaves a shorter chain that still verifies; backups keep older ends.)
/// </summary>
internal sealed class AuditVerifier(EngageDatabase database)
{
    /// <summary>Rows between two progress lines.</summary>
    public const int ProgressInterval = 50_000;

    public async Task<AuditVerification> VerifyAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        long total;
        await using (var count = connection.Command("SELECT COUNT(*) FROM AuditEvents"))
        {
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using var command = connection.Command(
            "SELECT Id, At, Actor, Action, EntitySet, EntityId, Details, PreviousHash, Hash FROM AuditEvents ORDER BY Id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expectedPrevious = AuditHash.Genesis;
        long? previousId = null;
        long checkedRows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            var previousHash = reader.GetString(7);
            var hash = reader.GetString(8);
            if (!string.Equals(previousHash, expectedPrevious, StringComparison.Ordinal))
            {
                var before = previousId is { } p ? $"row {p}" : "the start of the chain";
                var gap = previousId is { } q && id != q + 1 ? $" (Ids {q + 1} to {id - 1} are missing)" : string.Empty;
                return new AuditVerification(checkedRows, id, $"its PreviousHash does not match the hash of {before}{gap}: a row was deleted, inserted or reordered before it");
            }

            var computed = AuditHash.Compute(previousHash, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetNullableString(4), reader.GetNullableString(5), reader.GetNullableString(6));
            if (!string.Equals(computed, hash, StringComparison.Ordinal))
            {
                return new AuditVerification(checkedRows, id, "its fields do not match its Hash: At, Actor, Action, EntitySet, EntityId or Details was edited");
            }

            expectedPrevious = hash;
            previousId = id;
            checkedRows++;
            if (checkedRows % ProgressInterval == 0)
            {
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Checked {checkedRows:N0} of {total:N0} audit rows ..."));
            }
        }

        return new AuditVerification(checkedRows, null, null);
    }
}
