using Microsoft.OData.Edm;

namespace Engage.OData.Sql;

/// <summary>
/// SQLite spellings. Text functions use <c>instr</c>/<c>substr</c>, which compare characters exactly
/// (SQLite's <c>LIKE</c> folds ASCII case, so it is never used). Date parts are read by position from the
/// storage formats of <see cref="SqliteDialect"/>: Date 'yyyy-MM-dd', DateTimeOffset
/// 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (UTC), TimeOfDay 'HH:mm:ss.fffffff'.
/// </summary>
internal sealed class SqliteFunctions : ISqlFunctions
{
    public static SqliteFunctions Instance { get; } = new();

    public string Contains(string text, string part) => $"(instr({text}, {part}) > 0)";

    public string StartsWith(string text, string prefix) => $"(substr({text}, 1, length({prefix})) = {prefix})";

    public string EndsWith(string text, string suffix) =>
        $"(length({text}) >= length({suffix}) AND substr({text}, length({text}) - length({suffix}) + 1) = {suffix})";

    public string Length(string text) => $"length({text})";

    public string IndexOf(string text, string part) => $"(instr({text}, {part}) - 1)";

    public string Substring(string text, string start, string? length) => length is null
        ? $"substr({text}, max({start}, 0) + 1)"
        : $"substr({text}, max({start}, 0) + 1, max({length}, 0))";

    public string ToLower(string text) => $"lower({text})";

    public string ToUpper(string text) => $"upper({text})";

    // Space, tab, line feed, vertical tab, form feed, carriage return.
    public string Trim(string text) => $"trim({text}, char(32, 9, 10, 11, 12, 13))";

    public string Concat(string left, string right) => $"({left} || {right})";

    public string SearchMatch(string text, string term) => $"(instr(lower({text}), lower({term})) > 0)";

    public string DatePart(DatePart part, string value, EdmPrimitiveTypeKind kind)
    {
        var timeOffset = kind == EdmPrimitiveTypeKind.TimeOfDay ? -11 : 0;
        var (start, length) = part switch
        {
            Sql.DatePart.Year => (1, 4),
            Sql.DatePart.Month => (6, 2),
            Sql.DatePart.Day => (9, 2),
            Sql.DatePart.Hour => (12 + timeOffset, 2),
            Sql.DatePart.Minute => (15 + timeOffset, 2),
            _ => (18 + timeOffset, 2),
        };
        return $"CAST(substr({value}, {start}, {length}) AS INTEGER)";
    }

    public string FractionalSeconds(string value, EdmPrimitiveTypeKind kind) =>
        $"CAST('0' || substr({value}, {(kind == EdmPrimitiveTypeKind.TimeOfDay ? 9 : 20)}, 8) AS REAL)";

    public string DateOf(string dateTimeOffset) => $"substr({dateTimeOffset}, 1, 10)";

    public string TimeOf(string dateTimeOffset) => $"substr({dateTimeOffset}, 12, 16)";

    // SQLite divides two integers with truncation (as C# does) and answers NULL for a zero divisor.
    public string Divide(string left, string right, bool integer) => integer
        ? $"({left} / {right})"
        : $"(CAST({left} AS REAL) / {right})";

    // SQLite's % truncates REAL operands to integers first, so the floating-point remainder is spelt out.
    public string Modulo(string left, string right, bool integer) => integer
        ? $"({left} % {right})"
        : $"({left} - {right} * CAST(CAST({left} AS REAL) / {right} AS INTEGER))";

    public string Round(string value) => $"round({value})";

    public string Floor(string value) =>
        $"CAST(CASE WHEN CAST({value} AS INTEGER) > {value} THEN CAST({value} AS INTEGER) - 1 ELSE CAST({value} AS INTEGER) END AS REAL)";

    public string Ceiling(string value) =>
        $"CAST(CASE WHEN CAST({value} AS INTEGER) < {value} THEN CAST({value} AS INTEGER) + 1 ELSE CAST({value} AS INTEGER) END AS REAL)";

    // SQLite's SUM raises "integer overflow" on integers; summing as REAL keeps a request from failing.
    public string Sum(string value, bool integers) => integers ? $"SUM(CAST({value} AS REAL))" : $"SUM({value})";
}
