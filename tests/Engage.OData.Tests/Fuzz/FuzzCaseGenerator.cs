using System.Globalization;
using System.Text;

namespace Engage.OData.Tests.Fuzz;

/// <summary>Seeded generator of malformed and hostile requests against every entity set of the test model.</summary>
internal sealed class FuzzCaseGenerator(Random random, IReadOnlyList<string> entitySets, IReadOnlyList<string> skipTokens)
{
    private static readonly string[] Families =
    [
        "random-options", "deep-nesting", "huge-literal", "unknown-function", "sql", "percent-encoding", "unicode",
        "control-characters", "skiptoken", "numbers", "duplicates", "expand-apply", "mutation", "apply",
    ];

    private readonly HostileApply _apply = new(random);

    public FuzzCase Next()
    {
        var set = Pick(entitySets);
        var family = Pick(Families);
        var query = family switch
        {
            "random-options" => RandomOptions(),
            "deep-nesting" => DeepNesting(),
            "huge-literal" => HugeLiteral(),
            "unknown-function" => "$filter=" + Encode(Pick(["foo(Id) eq 1", "substringof('a',Product)", "contains(", "geo.intersects(x,y)",
                "Test.Shop.Fn(Id)", "cast(Id,Edm.Foo) eq 1", "isof(Id,Edm.Bar)", "now(1,2,3) eq 1", "round()", "concat(" + Tokens(60, ",")])),
            "sql" => Pick(["$filter=", "$orderby=", "$select=", "$skiptoken=", "$top=", "$search=", "$apply=", "$expand="]) + Encode(Pick(HostileFragments.SqlFragments)),
            "percent-encoding" => Pick(["$filter=Product eq 'a", "$orderby=Id", "$top=1", "$select=Id", "$fil"]) + Pick(HostileFragments.BrokenEncodings)
                + Pick(["", "'", "x", " desc"]).Replace(" ", "%20", StringComparison.Ordinal),
            "unicode" => "$filter=" + Pick(["Product eq '", "Note gt '", "Nöte eq '", "\uFF30roduct eq '"]) + Pick(["é", "😀", "\u202E\u202D", "a\u0301", "\uFFFF", "\u00A0", "ﬀ"])
                + "'" + (random.Next(2) == 0 ? string.Empty : "&$orderby=Product%20desc"),
            "control-characters" => "$filter=Id" + (char)random.Next(0, 32) + "eq" + Pick(["\u007F", "\t", "\r\n", "\0", " "]) + "1",
            "skiptoken" => "$skiptoken=" + BadSkipToken(),
            "numbers" => Pick(["$top=-1", "$top=99999999999999999999", "$skip=-5", "$top=1e3", "$top=0x10", "$top= 1", "$top=1.0", "$skip=9223372036854775807",
                "$top=9223372036854775807&$skip=9223372036854775807", "$top=", "$skip=", "$count=TRUE", "$count=1", "$count="]),
            "duplicates" => Pick(["$top=1&$top=2", "$filter=Id eq 1&$FILTER=Id eq 2", "$filter=Id eq 1&filter=Id eq 2", "$orderby=Id&$orderby=Id",
                "$select=Id&select=Id", "$skiptoken=a&$skiptoken=b", "@p=1&@p=2&$filter=Id eq @p"]).Replace(" ", "%20", StringComparison.Ordinal),
            "expand-apply" => ExpandApply(),
            "apply" => NextApplyQuery(),
            _ => Mutate(Pick(HostileFragments.ValidQueries)),
        };
        var path = Pick(HostileFragments.Paths).Replace("{set}", set, StringComparison.Ordinal).Replace("{SET}", set.ToUpperInvariant(), StringComparison.Ordinal);
        return new FuzzCase(family, "/odata/" + path + (query.Length == 0 ? string.Empty : "?" + query), Headers());
    }

    /// <summary>A request whose <c>$apply</c> (and the options after it) is hostile.</summary>
    public FuzzCase NextApply()
    {
        var path = Pick(["{set}", "{set}", "{set}", "{set}/$count", "{set}(1)", "{set}(1)/Customer"]).Replace("{set}", Pick(entitySets), StringComparison.Ordinal);
        return new FuzzCase("apply", "/odata/" + path + "?" + NextApplyQuery(), Headers());
    }

    private string NextApplyQuery()
    {
        var value = _apply.Next();
        var split = value.IndexOf('&', StringComparison.Ordinal);
        return split < 0
            ? "$apply=" + Encode(value)
            : "$apply=" + Encode(value[..split]) + "&" + string.Join("&", value[(split + 1)..].Split('&').Select(o => o[..(o.IndexOf('=', StringComparison.Ordinal) + 1)] + Encode(o[(o.IndexOf('=', StringComparison.Ordinal) + 1)..])));
    }

    private string RandomOptions() => string.Join("&", Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
        Encode(Pick(HostileFragments.OptionNames)) + (random.Next(10) == 0 ? string.Empty : "=" + Encode(Tokens(random.Next(1, 12), " ")))));

    private string DeepNesting()
    {
        var depth = Pick([10, 100, 499, 500, 501, 1000, 5000, 15000]);
        var open = Pick(["(", "not (", "any(x:", "((", "$it/"]);
        var body = Pick(["Id eq 1", "Paid", "Id", ""]);
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + body + string.Concat(Enumerable.Repeat(")", random.Next(2) == 0 ? depth : depth / 2));
        return Pick(["$filter=", "$orderby=", "$select=", "$expand=Customer($filter=", "$apply=filter("]) + Encode(nested);
    }

    private string HugeLiteral()
    {
        var length = Pick([1_000, 8_000, 8_193, 20_000, 40_000, 70_000]);
        return Pick(["$filter=Product eq '" + new string('a', length) + "'", "$filter=Id eq " + new string('9', length), "$top=" + new string('1', length),
            "$filter=Amount gt 0." + new string('5', length), "$select=" + string.Join(",", Enumerable.Repeat("Id", length / 3)),
            "$filter=" + string.Join(" or ", Enumerable.Range(0, length / 10).Select(i => "Id eq " + i.ToString(CultureInfo.InvariantCulture)))]).Replace(" ", "%20", StringComparison.Ordinal);
    }

    private string BadSkipToken() => random.Next(6) switch
    {
        0 when skipTokens.Count > 0 => Pick(skipTokens),
        1 when skipTokens.Count > 0 => Pick(skipTokens)[..^1] + Pick(["A", "B", "_", "-"]),
        2 => Convert.ToBase64String(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (byte)random.Next(256)).ToArray()).TrimEnd('='),
        3 => Pick(["", "null", "-1", "AQAAAAAAAAAAAAAAAAAAAA", "AQ__________________8", "%25%25", "'", "1'); DROP TABLE Orders; --"]),
        4 => new string('A', random.Next(1, 5000)),
        _ => Encode(Tokens(3, "")),
    };

    private string ExpandApply()
    {
        var value = random.Next(5) switch
        {
            0 => string.Concat(Enumerable.Repeat("Customer($expand=", random.Next(1, 40))) + "Customer" + new string(')', random.Next(0, 40)),
            1 => Pick(["*", "*/$ref", "Customer/$ref", "Customer($levels=max)", "Customer($filter=Id eq 1;$top=1)", "Nope", "Customer,Customer", "Customer(", "Customer()"]),
            2 => Pick(["groupby((", "groupby((Product))/groupby((", "aggregate(Amount with sum as Total)", "aggregate(Amount with nope as X)",
                "filter(Id eq 1)/topcount(2,Amount)", "groupby((Product),aggregate($count as N))/filter(N gt 1)", "compute(Amount mul 2 as D)", "identity", "concat("]),
            _ => Tokens(random.Next(1, 15), Pick([" ", "/", ",", ""])),
        };
        return (random.Next(2) == 0 ? "$expand=" : "$apply=") + Encode(value);
    }

    private string Mutate(string query)
    {
        var text = new StringBuilder(query);
        for (var i = random.Next(1, 6); i > 0 && text.Length > 0; i--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0: text.Remove(at, 1); break;
                case 1: text.Insert(at, Pick(HostileFragments.Tokens)); break;
                case 2: text.Insert(at, text[at]); break;
                default: text[at] = (char)random.Next(33, 127); break;
            }
        }

        return text.ToString().Replace(" ", "%20", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
    }

    private List<(string Name, string Value)> Headers()
    {
        var headers = new List<(string, string)>();
        if (random.Next(6) == 0)
        {
            headers.Add(Pick<(string, string)>([("Prefer", "odata.maxpagesize=0"), ("Prefer", "odata.maxpagesize=-1"), ("Prefer", "odata.maxpagesize=99999999999"),
                ("Prefer", "maxpagesize=1, omit-values=nulls"), ("Accept", "application/xml"), ("Accept", "*/*;q=x"), ("Accept", "application/json;odata.metadata=full;IEEE754Compatible=true"),
                ("OData-MaxVersion", "3.0"), ("OData-MaxVersion", "x"), ("Accept-Charset", "utf-7"), ("Accept", "application/json;odata.streaming=maybe")]));
        }

        return headers;
    }

    private string Tokens(int count, string separator) =>
        string.Join(separator, Enumerable.Range(0, count).Select(_ => Pick(HostileFragments.Tokens)));

    /// <summary>Percent-encodes what would otherwise end the request line or the query (space, '#', '&amp;', non-ASCII), keeping '%' as is.</summary>
    private string Encode(string value)
    {
        if (random.Next(20) == 0)
        {
            return value.Replace(" ", "%20", StringComparison.Ordinal);
        }

        var output = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is > 32 and < 127 && rune.Value is not ('#' or '&' or '+'))
            {
                output.Append((char)rune.Value);
            }
            else
            {
                var written = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..written])
                {
                    output.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
        }

        return output.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
