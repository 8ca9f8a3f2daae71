using System.Data.Common;
using System.Globalization;
using Engage.OData.Json;
using Microsoft.Data.Sqlite;
using Microsoft.OData.Edm;

namespace Engage.OData.Sql;

/// <summary>
/// SQLite: INTEGER for integers and booleans (0/1), REAL for Double/Single/Decimal, TEXT for strings,
/// Guid ('D' lower case), Date ('yyyy-MM-dd') and DateTimeOffset (UTC 'yyyy-MM-ddTHH:mm:ss.fffffffZ').
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public const string DateTimeOffsetStorageFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    public static SqliteDialect Instance { get; } = new();

    public ISqlFunctions Functions => SqliteFunctions.Instance;

    public string FalsePredicate => "(1 = 0)";

    public string TruePredicate => "(1 = 1)";

    public bool Supports(EdmPrimitiveTypeKind kind) => kind is EdmPrimitiveTypeKind.Boolean
        or EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte or EdmPrimitiveTypeKind.Int16
        or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64 or EdmPrimitiveTypeKind.Single
        or EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Decimal or EdmPrimitiveTypeKind.String
        or EdmPrimitiveTypeKind.Date or EdmPrimitiveTypeKind.DateTimeOffset or EdmPrimitiveTypeKind.Guid;

    public string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public object ToStorageValue(object literal, EdmPrimitiveTypeKind kind) => literal switch
    {
        bool b => b ? 1L : 0L,
        long l => l,
        double d => d,
        decimal m => (double)m,
        string s => s,
        Date date => FormatDate(date),
        DateTimeOffset dto => FormatDateTimeOffset(dto),
        Guid g => g.ToString("D"),
        TimeOfDay time => FormatTimeOfDay(time),
        _ => throw new InvalidCastException($"No SQLite storage for {literal.GetType().Name} as {kind}."),
    };

    public static string FormatDate(Date date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    public static string FormatTimeOfDay(TimeOfDay time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Hours:D2}:{time.Minutes:D2}:{time.Seconds:D2}.{time.Ticks % TimeSpan.TicksPerSecond:D7}");

    public static string FormatDateTimeOffset(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateTimeOffsetStorageFormat, CultureInfo.InvariantCulture);

    public string NullSafeEqual(string left, string right) => $"({left} IS {right})";

    public string NullSafeNotEqual(string left, string right) => $"({left} IS NOT {right})";

    public string IsTrue(string booleanExpression) => $"({booleanExpression} IS 1)";

    public string DateToDateTimeOffset(string dateExpression) => $"({dateExpression} || 'T00:00:00.0000000Z')";

    // SQLite sorts NULL first ascending and last descending, which is what OData specifies.
    public string OrderTerm(string expression, bool descending) => descending ? expression + " DESC" : expression + " ASC";

    public string LimitOffset(string limitParameter, string offsetParameter) => $" LIMIT {limitParameter} OFFSET {offsetParameter}";

    public string Limit(string limitParameter) => $" LIMIT {limitParameter}";

    public string SeekPredicate(IReadOnlyList<SeekTerm> terms) => SqliteSeek.Predicate(terms, FalsePredicate);

    // Booleans are INTEGER 0/1, Decimal is REAL, dates, instants, GUIDs and times are TEXT (see ToStorageValue).
    public Type SortValueType(EdmPrimitiveTypeKind kind) => kind switch
    {
        EdmPrimitiveTypeKind.Boolean or EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte or EdmPrimitiveTypeKind.Int16
            or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64 => typeof(long),
        EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Decimal => typeof(double),
        EdmPrimitiveTypeKind.String or EdmPrimitiveTypeKind.Guid or EdmPrimitiveTypeKind.Date or EdmPrimitiveTypeKind.DateTimeOffset
            or EdmPrimitiveTypeKind.TimeOfDay => typeof(string),
        _ => throw new NotSupportedException($"Edm.{kind} is not supported by the SQLite storage conventions."),
    };

    // The stored text itself (not a normalised form): the seek compares it with the stored values of the other rows.
    public object? ReadSortValue(DbDataReader reader, int ordinal, EdmPrimitiveTypeKind kind)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var type = SortValueType(kind);
        return type == typeof(long) ? reader.GetInt64(ordinal) : type == typeof(double) ? reader.GetDouble(ordinal) : reader.GetString(ordinal);
    }

    public JsonValueWriter GetValueWriter(EdmPrimitiveTypeKind kind, bool ieee754Compatible) =>
        SqliteValueWriters.For(kind, ieee754Compatible);

    public ValueTask<DbTransaction?> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A deferred transaction takes no write lock; it pins one read snapshot (in WAL mode) for both statements.
        DbTransaction? transaction = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: true) : null;
        return ValueTask.FromResult(transaction);
    }
}
