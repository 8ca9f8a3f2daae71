using System.Text.Json;
using Engage.OData.Json;

namespace Engage.OData.Expand;

/// <summary>
/// Writes buffered rows with their expanded navigations: a collection as an array (with
/// <c>Nav@odata.count</c> when asked), a single-valued navigation as an object or null.
/// One <see cref="EntityRowWriter"/> per level, built once per request.
/// </summary>
internal sealed class ExpandedEntityWriter
{
    private readonly EntityRowWriter _rows;
    private readonly RowBufferReader _buffer;
    private readonly IReadOnlyList<ExpandedRows> _expansions;
    private readonly IReadOnlyList<ExpandedEntityWriter> _children;
    private readonly bool _ieee754Compatible;

    public ExpandedEntityWriter(EntityRowWriter rows, int fieldCount, IReadOnlyList<ExpandedRows> expansions, Func<ExpandLevel, EntityRowWriter> rowWriterFor, bool ieee754Compatible)
    {
        _rows = rows;
        _buffer = new RowBufferReader(fieldCount);
        _expansions = expansions;
        _ieee754Compatible = ieee754Compatible;
        _children = [.. expansions.Select(e => new ExpandedEntityWriter(
            rowWriterFor(e.Level), e.Level.Columns.Count, e.Children, rowWriterFor, ieee754Compatible))];
    }

    /// <summary>Writes the properties and expansions of one row (without the surrounding braces).</summary>
    public void WriteProperties(object[] row, Utf8JsonWriter writer)
    {
        _buffer.Current = row;
        _rows.WriteProperties(_buffer, writer);
        for (var i = 0; i < _expansions.Count; i++)
        {
            var expansion = _expansions[i];
            var navigation = expansion.Level.Navigation;
            var related = expansion.For(row);
            if (!navigation.IsCollection)
            {
                writer.WritePropertyName(navigation.JsonName);
                if (related.Count == 0)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStartObject();
                    _children[i].WriteProperties(related[0], writer);
                    writer.WriteEndObject();
                }

                continue;
            }

            if (expansion.Level.Request.Count)
            {
                var count = expansion.CountFor(row);
                if (_ieee754Compatible)
                {
                    writer.WriteString(navigation.CountName, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteNumber(navigation.CountName, count);
                }
            }

            writer.WriteStartArray(navigation.JsonName);
            foreach (var child in related)
            {
                writer.WriteStartObject();
                _children[i].WriteProperties(child, writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }
}
