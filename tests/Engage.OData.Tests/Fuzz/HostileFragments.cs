namespace Engage.OData.Tests.Fuzz;

/// <summary>The vocabulary of the fuzzer: option names, tokens, SQL fragments, broken encodings, odd paths.</summary>
internal static class HostileFragments
{
    public static readonly string[] OptionNames =
    [
        "$filter", "$orderby", "$select", "$expand", "$top", "$skip", "$count", "$skiptoken", "$search", "$apply", "$compute",
        "$format", "$levels", "$deltatoken", "$id", "$schemaversion", "$index", "filter", "FILTER", "$FilTer", "$", "", "$$filter",
        "%24filter", "%2524top", "@p", "@", "x", "$filter ", " $top", "$top%00", "$orderby[]", "\uFF04filter",
    ];

    public static readonly string[] Tokens =
    [
        "Id", "Product", "Note", "Price", "Paid", "Amount", "Quantity", "OrderDate", "ShippedAt", "CustomerId", "Name", "Email", "Active",
        "Joined", "Customer", "Nope", "$it", "$this", "$root", "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "in", "has", "add",
        "sub", "mul", "div", "mod", "(", ")", "((", "))", ",", "/", ":", ";", "'", "''", "'x'", "\"", "null", "true", "false", "0", "-1",
        "1.5", "1e999", "-1e-999", "INF", "-INF", "NaN", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "2024-01-01", "2024-02-30", "0000-00-00", "2024-01-01T25:61:61Z", "9999-12-31T23:59:59.9999999-14:00", "duration'P1D'",
        "any(x:x/Id eq 1)", "all(", "contains(Product,'W')", "startswith(", "foo(Id)", "geo.distance(a,b)", "cast(Id,Edm.Foo)",
        "isof(Test.Shop.Order)", "Test.Shop.Order", "*", "asc", "desc", "@p", "@p1", "$count", "Customer/Name", "Customer/$count",
        "binary'AAA'", "X'00'", "12345678-1234-1234-1234-123456789012", "%", "%25", "%00", "%C3%28", "%FF", "é", "😀", "\u202E", "\u0301",
    ];

    public static readonly string[] SqlFragments =
    [
        "'; DROP TABLE Orders; --", "1 or 1=1", "' or '1'='1", "/**/", "Id eq 1; DELETE FROM Orders", "Id eq 1 --", "Id/**/eq/**/1",
        "Product eq 'a' UNION SELECT * FROM sqlite_master --", "Product eq 'abc", "Product eq '''", "Product eq ''''", "\"Orders\"",
        "Id eq 1); DROP TABLE \"Orders\"; --", "Id) OR 1=1 --", "Product eq 'x' || 'y'", "Id eq 0x1", "Id eq 1 LIMIT 1", "ATTACH DATABASE 'x' AS y",
        "Product eq char(39)", "Id eq (SELECT 1)", "`Id`", "[Id]", "Id eq ?", "Id eq :p", "Id eq @p; PRAGMA writable_schema=1",
    ];

    public static readonly string[] BrokenEncodings =
    [
        "%", "%Z1", "%2", "%C3%28", "%00", "%FF%FE", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%2524filter", "%u0041", "%%", "%-1",
    ];

    public static readonly string[] Paths =
    [
        "{set}", "{set}/", "{set}(1)", "{set}(-1)", "{set}(0)", "{set}('x')", "{set}(1)/Customer", "{set}/$count", "{set}/$value",
        "{set}/../{set}", "{set}%2F", "{set}/$ref", "{set}(1)/$links", "{set}/Test.Shop.Order", "{set}(1,2)", "{set}(Id=1)", "{set}()",
        "{set}(9223372036854775808)", "{set}(1)/Id/$value", "{set}/$count/$count", "$batch", "$metadata", "", "$entity", "{set}(1)/$count",
        "{set}%00", "{set}(%27%00%27)", "{set};x=1", "{SET}", "{set}/Customer",
    ];

    public static readonly string[] ValidQueries =
    [
        "$filter=Id gt 5&$orderby=Id desc&$top=3", "$select=Id&$count=true", "$filter=Id eq 1 or Id eq 2", "$top=2&$skip=1",
        "$orderby=Id&$select=Id", "$filter=not (Id lt 3)&$top=1", "$filter=Id in (1,2,3)", "$count=true&$top=0",
    ];
}
