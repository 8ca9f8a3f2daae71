using System.Data.Common;
using Engage.OData.Query;
using Engage.OData.Sql;

namespace Engage.OData.Paging;

/// <summary>
/// The <c>$skiptoken</c> of the next page. When the plan pages by keyset, the writer calls <see cref="Capture"/>
/// on the last row it writes (before the reader moves on to the row that reveals a next page), and the token
/// carries that row's sort values; otherwise, or when those values are too long for a token, the next offset.
/// </summary>
internal sealed class NextPageToken(QueryPlan plan, ISqlDialect dialect, string shape)
{
    private object?[]? _lastRow;

    /// <summary>Remembers the sort values of the row <paramref name="reader"/> is on.</summary>
    public void Capture(DbDataReader reader)
    {
        if (plan.Keyset is not { } keyset)
        {
            return;
        }

        var values = new object?[keyset.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = dialect.ReadSortValue(reader, keyset[i].Ordinal, keyset[i].Kind);
        }

        _lastRow = values;
    }

    public string Encode() => _lastRow is null ? SkipToken.Encode(plan.NextOffset, shape) : SkipToken.EncodeKeyset(plan.NextOffset, _lastRow, shape);
}
