using System.Text;

namespace Engage.Host.Tests.Privacy;

/// <summary>A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, line breaks inside quotes, CRLF records.</summary>
internal static class CsvReader
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                field.Length.Should().Be(0, "a quote may only open a field");
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                text[i + 1].Should().Be('\n', "records end with CRLF");
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                c.Should().NotBe('\n', "a bare line feed must be inside quotes");
                field.Append(c);
            }
        }

        quoted.Should().BeFalse();
        record.Should().BeEmpty("the last record ends with CRLF");
        return records;
    }

    /// <summary>The records as rows keyed by the header's column names.</summary>
    public static List<Dictionary<string, string>> Rows(string text)
    {
        var records = Parse(text);
        var header = records[0];
        return records.Skip(1).Select(r =>
        {
            r.Should().HaveCount(header.Count);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }
}
