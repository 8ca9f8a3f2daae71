using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace Engage.OData.Expand;

/// <summary>
/// A forward-only <see cref="DbDataReader"/> over rows already read into memory (one page and its
/// expanded rows), so the same <c>EntityRowWriter</c> and value writers serve streamed and buffered rows.
/// <see cref="Current"/> is set by the writer; getters convert like the provider's would.
/// </summary>
internal sealed class RowBufferReader(int fieldCount) : DbDataReader
{
    public object[] Current { get; set; } = [];

    public override int FieldCount => fieldCount;

    public override int Depth => 0;

    public override bool HasRows => true;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => throw new NotSupportedException();

    public override object GetValue(int ordinal) => Current[ordinal];

    public override bool IsDBNull(int ordinal) => Current[ordinal] is DBNull or null;

    public override long GetInt64(int ordinal) => Convert.ToInt64(Current[ordinal], CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => Convert.ToInt32(Current[ordinal], CultureInfo.InvariantCulture);

    public override short GetInt16(int ordinal) => Convert.ToInt16(Current[ordinal], CultureInfo.InvariantCulture);

    public override byte GetByte(int ordinal) => Convert.ToByte(Current[ordinal], CultureInfo.InvariantCulture);

    public override bool GetBoolean(int ordinal) => Convert.ToBoolean(Current[ordinal], CultureInfo.InvariantCulture);

    public override double GetDouble(int ordinal) => Convert.ToDouble(Current[ordinal], CultureInfo.InvariantCulture);

    public override float GetFloat(int ordinal) => Convert.ToSingle(Current[ordinal], CultureInfo.InvariantCulture);

    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(Current[ordinal], CultureInfo.InvariantCulture);

    public override string GetString(int ordinal) => Convert.ToString(Current[ordinal], CultureInfo.InvariantCulture) ?? string.Empty;

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    public override DateTime GetDateTime(int ordinal) => Convert.ToDateTime(Current[ordinal], CultureInfo.InvariantCulture);

    public override Guid GetGuid(int ordinal) => Current[ordinal] is Guid g ? g : Guid.Parse(GetString(ordinal));

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override Type GetFieldType(int ordinal) => Current[ordinal]?.GetType() ?? typeof(object);

    public override string GetName(int ordinal) => ordinal.ToString(CultureInfo.InvariantCulture);

    public override int GetOrdinal(string name) => throw new NotSupportedException();

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, Current.Length);
        Array.Copy(Current, values, count);
        return count;
    }

    public override bool NextResult() => false;

    public override bool Read() => throw new NotSupportedException("The writer positions the buffer itself.");

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
}
