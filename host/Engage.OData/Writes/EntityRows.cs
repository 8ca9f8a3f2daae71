using System.Data.Common;
using Engage.OData.Binding;
using Engage.OData.Sql;

namespace Engage.OData.Writes;

/// <summary>Reads one row (every property, then the version) by key within the row scope, inside a write's transaction.</summary>
internal static class EntityRows
{
    /// <summary>The raw row (for writing it back as JSON) and its canonical values; null when no row in the scope has that key.</summary>
    public static async Task<(object[] Raw, StoredEntity Entity)?> ReadAsync(
        DbConnection connection, DbTransaction? transaction, EntitySetBinding set, object storedKey, SqlCondition? scope, CancellationToken cancellationToken)
    {
        await using var command = SqlExecutor.CreateCommand(connection, transaction, WriteStatements.SelectOne(set, storedKey, scope));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var raw = new object[reader.FieldCount];
        reader.GetValues(raw);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < set.Properties.Count; i++)
        {
            values[set.Properties[i].Name] = StoredValues.Read(raw[i], set.Properties[i].Kind);
        }

        long? version = set.Writes?.QuotedVersionColumn is null ? null : Convert.ToInt64(raw[set.Properties.Count], System.Globalization.CultureInfo.InvariantCulture);
        return (raw, new StoredEntity(values, version));
    }

    /// <summary>The ordinal of the version in a row read by <see cref="ReadAsync"/>, or null.</summary>
    public static int? VersionOrdinal(EntitySetBinding set) => set.Writes?.QuotedVersionColumn is null ? null : set.Properties.Count;
}
