using System.Data.Common;
using Engage.OData.Errors;
using Engage.OData.Sql;

namespace Engage.OData.Expand;

/// <summary>
/// Runs the expand statements for one buffered page: per navigation, one statement for the distinct
/// parent values of the page (chunked below the SQLite parameter limit), never one per row; then the
/// nested navigations over all rows just loaded. The whole expansion of a page is bounded by a row limit.
/// </summary>
internal static class ExpandLoader
{
    /// <summary>Parent values bound per statement; SQLite allows 32766 parameters, other engines at least 2100.</summary>
    public const int MaxValuesPerStatement = 2000;

    public static async Task<List<ExpandedRows>> LoadAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyList<(ExpandLevel Level, int SourceOrdinal)> levels,
        IReadOnlyList<object[]> parents, RowBudget budget, CancellationToken cancellationToken)
    {
        var results = new List<ExpandedRows>(levels.Count);
        foreach (var (level, sourceOrdinal) in levels)
        {
            var expanded = new ExpandedRows(level, sourceOrdinal);
            var values = parents.Select(p => p[sourceOrdinal]).Where(v => v is not null and not DBNull).Distinct().ToList();
            var all = new List<object[]>();
            foreach (var chunk in values.Chunk(MaxValuesPerStatement))
            {
                await using var command = SqlExecutor.CreateCommand(connection, transaction, level.Select(chunk));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    budget.Take();
                    all.Add(row);
                    var join = row[level.JoinOrdinal];
                    if (!expanded.ByParent.TryGetValue(join, out var list))
                    {
                        expanded.ByParent[join] = list = [];
                    }

                    list.Add(row);
                }

                if (level.Request.Count)
                {
                    expanded.Counts ??= [];
                    await using var count = SqlExecutor.CreateCommand(connection, transaction, level.Count(chunk));
                    await using var counts = await count.ExecuteReaderAsync(cancellationToken);
                    while (await counts.ReadAsync(cancellationToken))
                    {
                        expanded.Counts[counts.GetValue(0)] = counts.GetInt64(1);
                    }
                }
            }

            if (level.Children.Count > 0)
            {
                expanded.Children.AddRange(await LoadAsync(connection, transaction, level.Children, all, budget, cancellationToken));
            }

            results.Add(expanded);
        }

        return results;
    }
}
