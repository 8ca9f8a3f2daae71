using System.Text.Json;

namespace Engage.OData.Json;

/// <summary>One output property: its encoded name, its ordinal in the result set and its value writer.</summary>
internal readonly record struct ColumnWriter(JsonEncodedText Name, int Ordinal, JsonValueWriter Write);
