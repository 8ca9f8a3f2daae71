using System.Data.Common;
using System.Text.Json;
using Engage.OData.Json;
using Engage.OData.Sql;

namespace Engage.OData.Apply;

/// <summary>
/// Writes an aggregated row as a plain JSON object (no id, no etag): every grouping property and alias, a grouping
/// along a navigation as a nested object (<c>{"Post":{"Kind":"Photo"},"Count":3}</c>). Nulls are written unless
/// <c>omit-values=nulls</c> was acknowledged; then they are left out, also inside the nested objects (which stay,
/// possibly empty: a null grouping value does not say that the related entity is missing).
/// Built once per request, one value writer per column.
/// </summary>
internal sealed class ApplyRowWriter
{
    private readonly Node[] _nodes;
    private readonly bool _omitNulls;

    public ApplyRowWriter(IReadOnlyList<ApplyOutput> outputs, ISqlDialect dialect, bool ieee754Compatible, bool omitNulls)
    {
        _nodes = Compile(outputs, dialect, ieee754Compatible);
        _omitNulls = omitNulls;
    }

    public void WriteRow(DbDataReader reader, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        Write(_nodes, reader, writer);
        writer.WriteEndObject();
    }

    private void Write(Node[] nodes, DbDataReader reader, Utf8JsonWriter writer)
    {
        foreach (var node in nodes)
        {
            if (node.Children is { } children)
            {
                writer.WriteStartObject(node.Column.Name);
                Write(children, reader, writer);
                writer.WriteEndObject();
            }
            else
            {
                node.Column.WriteProperty(reader, writer, _omitNulls);
            }
        }
    }

    private static Node[] Compile(IReadOnlyList<ApplyOutput> outputs, ISqlDialect dialect, bool ieee754Compatible) =>
        [.. outputs.Select(o => o.Children is { } children
            ? new Node(new ColumnWriter(JsonEncodedText.Encode(o.Name), -1, static (_, _, _) => { }), Compile(children, dialect, ieee754Compatible))
            : new Node(new ColumnWriter(JsonEncodedText.Encode(o.Name), o.Ordinal, dialect.GetValueWriter(o.Kind, ieee754Compatible)), null))];

    private sealed record Node(ColumnWriter Column, Node[]? Children);
}
