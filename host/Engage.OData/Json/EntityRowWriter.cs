using System.Data.Common;
using System.Text.Json;
using Engage.OData.Binding;
using Engage.OData.Hosting;

namespace Engage.OData.Json;

/// <summary>
/// Writes the properties of the current row. Built once per query (names pre-encoded, one value writer
/// per column) so the per-row loop does no lookups and no allocations.
/// </summary>
internal sealed class EntityRowWriter
{
    private readonly ColumnWriter[] _columns;
    private readonly bool _omitNulls;
    private readonly bool _fullMetadata;
    private readonly string _typeAnnotation;
    private readonly string _idPrefix;
    private readonly PropertyBinding _key;
    private readonly int _keyOrdinal;
    private readonly int? _etagOrdinal;

    public EntityRowWriter(
        EntitySetBinding entitySet,
        IReadOnlyList<(PropertyBinding Property, int Ordinal)> columns,
        int keyOrdinal,
        ODataJsonFormat format,
        bool omitNulls,
        ServiceUrls urls,
        Sql.ISqlDialect dialect,
        IReadOnlyList<Query.ComputedColumn>? computed = null,
        int? etagOrdinal = null)
    {
        _columns = columns
            .Select(c => new ColumnWriter(c.Property.JsonName, c.Ordinal, dialect.GetValueWriter(c.Property.Kind, format.Ieee754Compatible)))
            .Concat((computed ?? []).Select(c => new ColumnWriter(JsonEncodedText.Encode(c.Name), c.Ordinal, dialect.GetValueWriter(c.Kind, format.Ieee754Compatible))))
            .ToArray();
        _omitNulls = omitNulls;
        _fullMetadata = format.Level == MetadataLevel.Full;
        _typeAnnotation = entitySet.TypeAnnotation;
        _idPrefix = urls.EntitySet(entitySet.Name) + "(";
        _key = entitySet.Key;
        _keyOrdinal = keyOrdinal;
        _etagOrdinal = format.Level == MetadataLevel.None ? null : etagOrdinal;
    }

    public void WriteProperties(DbDataReader reader, Utf8JsonWriter writer)
    {
        if (_fullMetadata)
        {
            writer.WriteString(ODataJsonNames.Type, _typeAnnotation);
            writer.WriteString(ODataJsonNames.Id, _idPrefix + KeyLiteral.Format(reader.GetValue(_keyOrdinal), _key.Kind) + ")");
        }

        if (_etagOrdinal is { } etag)
        {
            writer.WriteString(ODataJsonNames.ETag, Writes.ETags.Format(reader.GetInt64(etag)));
        }

        foreach (var column in _columns)
        {
            column.WriteProperty(reader, writer, _omitNulls);
        }
    }
}
