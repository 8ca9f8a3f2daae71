using System.Data.Common;
using Engage.OData.Binding;
using Engage.OData.Hosting;
using Engage.OData.Sql;

namespace Engage.OData.Writes;

/// <summary>Runs the definition's <see cref="ODataServiceDefinition.AfterChange"/> and puts response-only values into an answered row.</summary>
internal static class ChangeHooks
{
    public static ValueTask RunAsync(ODataServiceDefinition definition, ChangeContext change, CancellationToken cancellationToken) =>
        definition.AfterChange is { } hook ? hook(change, cancellationToken) : ValueTask.CompletedTask;

    /// <summary>The change of an insert or update: the row as read back after the statement, and the properties the write set.</summary>
    public static ChangeContext Written(WriteContext write, StoredEntity after, DbConnection connection, DbTransaction transaction) =>
        new(write.Operation, write.EntitySet, write.Key ?? after.Values[write.KeyProperty]!, connection, transaction, write.HttpContext)
        {
            Previous = write.Current,
            Values = after.Values,
            Changed = [.. write.Changes.Keys],
        };

    /// <summary>A copy of the raw row with the values of <see cref="WriteContext.SetResponseValue"/> in their columns (the row itself when there are none).</summary>
    public static object[] WithResponseValues(EntitySetBinding set, ISqlDialect dialect, WriteContext write, object[] raw)
    {
        if (write.ResponseValues.Count == 0)
        {
            return raw;
        }

        var row = (object[])raw.Clone();
        for (var i = 0; i < set.Properties.Count; i++)
        {
            var property = set.Properties[i];
            if (write.ResponseValues.TryGetValue(property.Name, out var value))
            {
                row[i] = value is null ? DBNull.Value : dialect.ToStorageValue(LiteralConverter.Convert(value, property.Kind), property.Kind);
            }
        }

        return row;
    }
}
