using System.Data.Common;
using System.Text.Json;

namespace Engage.OData.Json;

/// <summary>Reads the non-null value at <paramref name="ordinal"/> and writes it as a JSON value.</summary>
internal delegate void JsonValueWriter(DbDataReader reader, int ordinal, Utf8JsonWriter writer);
