using System.Data.Common;
using System.Globalization;
using Engage.OData.Binding;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Writes;

/// <summary>The row version in GET plans: selected after the properties, written as <c>@odata.etag</c> and the <c>ETag</c> header.</summary>
internal static class VersionColumn
{
    /// <summary>Adds the set's version column to a SELECT list; returns its ordinal, or null when the set has none.</summary>
    public static int? AddTo(List<string> columns, EntitySetBinding set)
    {
        if (set.Writes?.QuotedVersionColumn is not { } version)
        {
            return null;
        }

        columns.Add(version);
        return columns.Count - 1;
    }

    public static void SetETag(HttpResponse response, DbDataReader reader, int? ordinal)
    {
        if (ordinal is { } i)
        {
            response.Headers.ETag = ETags.Format(reader.GetInt64(i));
        }
    }

    public static void SetETag(HttpResponse response, object[] row, int? ordinal)
    {
        if (ordinal is { } i)
        {
            response.Headers.ETag = ETags.Format(Convert.ToInt64(row[i], CultureInfo.InvariantCulture));
        }
    }
}
