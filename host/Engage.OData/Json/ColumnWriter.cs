using System.Data.Common;
using System.Text.Json;

namespace Engage.OData.Json;

/// <summary>One output property: its encoded name, its ordinal in the result set and its value writer.</summary>
internal readonly record struct ColumnWriter(JsonEncodedText Name, int Ordinal, JsonValueWriter Write)
{
    /// <summary>
    /// Writes the property from the current row; a null value is written as <c>null</c>, or left out when the
    /// client's <c>Prefer: omit-values=nulls</c> was acknowledged.
    /// </summary>
    public void WriteProperty(DbDataReader reader, Utf8JsonWriter writer, bool omitNulls)
    {
        if (reader.IsDBNull(Ordinal))
        {
            if (!omitNulls)
            {
                writer.WriteNull(Name);
            }

            return;
        }

        writer.WritePropertyName(Name);
        Write(reader, Ordinal, writer);
    }
}
