using Engage.OData.Errors;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Engage.OData.Sql;

/// <summary>
/// Canonical functions of <c>$filter</c>/<c>$orderby</c>: string, date/time and rounding functions.
/// Function names are matched case-insensitively; an unknown or unsupported one answers 501. Results
/// propagate null (a null argument gives a null value); the string predicates are two-valued (false
/// when an operand is null), like the comparisons.
/// </summary>
internal sealed class SqlFunctionTranslator(SqlTranslationContext context, Func<QueryNode, SqlFragment> translate)
{
    /// <summary>
    /// The one table of supported functions: name (case-insensitive) to translation. <see cref="Names"/> is read from
    /// it, and so is the <c>Capabilities.FilterFunctions</c> annotation, so what is published cannot drift from what runs.
    /// </summary>
    private static readonly Dictionary<string, Func<SqlFunctionTranslator, SingleValueFunctionCallNode, SqlFragment>> Table =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["contains"] = (t, n) => t.Predicate(n, t._functions.Contains),
            ["startswith"] = (t, n) => t.Predicate(n, t._functions.StartsWith),
            ["endswith"] = (t, n) => t.Predicate(n, t._functions.EndsWith),
            ["length"] = (t, n) => t.Text(n, 1, EdmPrimitiveTypeKind.Int32, a => t._functions.Length(a[0])),
            ["indexof"] = (t, n) => t.Text(n, 2, EdmPrimitiveTypeKind.Int32, a => t._functions.IndexOf(a[0], a[1])),
            ["substring"] = (t, n) => t.Substring(n),
            ["tolower"] = (t, n) => t.Text(n, 1, EdmPrimitiveTypeKind.String, a => t._functions.ToLower(a[0])),
            ["toupper"] = (t, n) => t.Text(n, 1, EdmPrimitiveTypeKind.String, a => t._functions.ToUpper(a[0])),
            ["trim"] = (t, n) => t.Text(n, 1, EdmPrimitiveTypeKind.String, a => t._functions.Trim(a[0])),
            ["concat"] = (t, n) => t.Text(n, 2, EdmPrimitiveTypeKind.String, a => t._functions.Concat(a[0], a[1])),
            ["year"] = (t, n) => t.Part(n, DatePart.Year, dateAllowed: true),
            ["month"] = (t, n) => t.Part(n, DatePart.Month, dateAllowed: true),
            ["day"] = (t, n) => t.Part(n, DatePart.Day, dateAllowed: true),
            ["hour"] = (t, n) => t.Part(n, DatePart.Hour, dateAllowed: false),
            ["minute"] = (t, n) => t.Part(n, DatePart.Minute, dateAllowed: false),
            ["second"] = (t, n) => t.Part(n, DatePart.Second, dateAllowed: false),
            ["fractionalseconds"] = (t, n) => t.Temporal(n, EdmPrimitiveTypeKind.Decimal, false, (sql, kind) => t._functions.FractionalSeconds(sql, kind)),
            ["date"] = (t, n) => t.Temporal(n, EdmPrimitiveTypeKind.Date, false,
                (sql, kind) => kind == EdmPrimitiveTypeKind.DateTimeOffset ? t._functions.DateOf(sql) : null),
            ["time"] = (t, n) => t.Temporal(n, EdmPrimitiveTypeKind.TimeOfDay, false,
                (sql, kind) => kind == EdmPrimitiveTypeKind.DateTimeOffset ? t._functions.TimeOf(sql) : null),
            ["totaloffsetminutes"] = (t, n) => t.Temporal(n, EdmPrimitiveTypeKind.Int32, false,
                (sql, kind) => kind == EdmPrimitiveTypeKind.DateTimeOffset ? $"(CASE WHEN {sql} IS NULL THEN NULL ELSE 0 END)" : null),
            ["now"] = (t, n) => t.DateTimeOffsetConstant(n, t.Now),
            ["maxdatetime"] = (t, n) => t.DateTimeOffsetConstant(n, DateTimeOffset.MaxValue),
            ["mindatetime"] = (t, n) => t.DateTimeOffsetConstant(n, DateTimeOffset.MinValue),
            ["round"] = (t, n) => t.Numeric(n, t._functions.Round),
            ["floor"] = (t, n) => t.Numeric(n, t._functions.Floor),
            ["ceiling"] = (t, n) => t.Numeric(n, t._functions.Ceiling),
        };

    private readonly ISqlFunctions _functions = context.Dialect.Functions;

    /// <summary>The names of the functions this translator translates (lower case).</summary>
    public static IReadOnlyCollection<string> Names => Table.Keys;

    private DateTimeOffset Now => context.Now;

    public SqlFragment Translate(SingleValueFunctionCallNode node) =>
        Table.TryGetValue(node.Name, out var translate)
            ? translate(this, node)
            : throw ODataRequestException.NotImplemented($"The function '{node.Name}' is not supported yet.");

    private List<SqlFragment> Arguments(SingleValueFunctionCallNode node, int count)
    {
        var arguments = node.Parameters.Select(translate).ToList();
        if (arguments.Count != count)
        {
            throw ODataRequestException.BadRequest($"The function '{node.Name}' takes {count} argument(s).");
        }

        return arguments;
    }

    private SqlFragment Predicate(SingleValueFunctionCallNode node, Func<string, string, string> build)
    {
        var arguments = Arguments(node, 2);
        RequireKind(node, arguments, EdmPrimitiveTypeKind.String);
        if (arguments.Exists(a => a.IsNullLiteral))
        {
            return SqlFragment.Predicate(context.Dialect.FalsePredicate);
        }

        var guards = arguments.Where(a => a.CanBeNull).Select(a => $"{a.Sql} IS NOT NULL AND ").ToList();
        var sql = build(arguments[0].Sql, arguments[1].Sql);
        return SqlFragment.Predicate(guards.Count == 0 ? sql : "(" + string.Concat(guards) + sql + ")");
    }

    private SqlFragment Text(SingleValueFunctionCallNode node, int count, EdmPrimitiveTypeKind result, Func<List<string>, string> build)
    {
        var arguments = Arguments(node, count);
        RequireKind(node, arguments, EdmPrimitiveTypeKind.String);
        return Value(arguments, result, build);
    }

    private SqlFragment Substring(SingleValueFunctionCallNode node)
    {
        var arguments = node.Parameters.Select(translate).ToList();
        if (arguments.Count is not (2 or 3))
        {
            throw ODataRequestException.BadRequest("The function 'substring' takes 2 or 3 arguments.");
        }

        RequireKind(node, arguments.Take(1), EdmPrimitiveTypeKind.String);
        if (arguments.Skip(1).Any(a => !a.IsNullLiteral && !EdmKinds.IsInteger(a.Kind)))
        {
            throw ODataRequestException.BadRequest("The start and length of 'substring' must be integers.");
        }

        return Value(arguments, EdmPrimitiveTypeKind.String, a => _functions.Substring(a[0], a[1], a.Count == 3 ? a[2] : null));
    }

    private SqlFragment Part(SingleValueFunctionCallNode node, DatePart part, bool dateAllowed) =>
        Temporal(node, EdmPrimitiveTypeKind.Int32, dateAllowed, (sql, kind) => _functions.DatePart(part, sql, kind));

    private SqlFragment Temporal(SingleValueFunctionCallNode node, EdmPrimitiveTypeKind result, bool dateAllowed, Func<string, EdmPrimitiveTypeKind, string?> build)
    {
        var arguments = Arguments(node, 1);
        var kind = arguments[0].Kind;
        var accepted = kind is EdmPrimitiveTypeKind.DateTimeOffset or EdmPrimitiveTypeKind.TimeOfDay
            || (dateAllowed && kind == EdmPrimitiveTypeKind.Date) || arguments[0].IsNullLiteral;
        var sql = accepted && !arguments[0].IsNullLiteral ? build(arguments[0].Sql, kind) : null;
        if (arguments[0].IsNullLiteral)
        {
            return SqlFragment.Null;
        }

        return sql is null
            ? throw ODataRequestException.NotImplemented($"The function '{node.Name}' on Edm.{kind} is not supported yet.")
            : SqlFragment.Value(sql, result, arguments[0].CanBeNull);
    }

    private SqlFragment Numeric(SingleValueFunctionCallNode node, Func<string, string> build)
    {
        var arguments = Arguments(node, 1);
        if (arguments[0].IsNullLiteral)
        {
            return SqlFragment.Null;
        }

        if (!EdmKinds.IsNumeric(arguments[0].Kind))
        {
            throw ODataRequestException.BadRequest($"The function '{node.Name}' expects a number.");
        }

        var kind = ResultKind(node, arguments[0].Kind);
        return SqlFragment.Value(EdmKinds.IsInteger(kind) ? arguments[0].Sql : build(arguments[0].Sql), kind, arguments[0].CanBeNull);
    }

    private SqlFragment DateTimeOffsetConstant(SingleValueFunctionCallNode node, DateTimeOffset value)
    {
        Arguments(node, 0);
        var stored = context.Dialect.ToStorageValue(value, EdmPrimitiveTypeKind.DateTimeOffset);
        return SqlFragment.Value(context.Parameters.Add(stored), EdmPrimitiveTypeKind.DateTimeOffset, canBeNull: false);
    }

    private static SqlFragment Value(List<SqlFragment> arguments, EdmPrimitiveTypeKind result, Func<List<string>, string> build) =>
        arguments.Exists(a => a.IsNullLiteral)
            ? SqlFragment.Null
            : SqlFragment.Value(build([.. arguments.Select(a => a.Sql)]), result, arguments.Exists(a => a.CanBeNull));

    private static void RequireKind(SingleValueFunctionCallNode node, IEnumerable<SqlFragment> arguments, EdmPrimitiveTypeKind kind)
    {
        if (arguments.Any(a => !a.IsNullLiteral && a.Kind != kind))
        {
            throw ODataRequestException.BadRequest($"The function '{node.Name}' expects Edm.{kind} arguments.");
        }
    }

    private static EdmPrimitiveTypeKind ResultKind(SingleValueFunctionCallNode node, EdmPrimitiveTypeKind fallback) =>
        node.TypeReference is { } type && type.IsPrimitive() ? type.AsPrimitive().PrimitiveKind() : fallback;
}
