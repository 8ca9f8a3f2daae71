using System.Security.Cryptography;
using System.Text;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Fuzz;

/// <summary>Row counts and a SHA-256 over every row of every table and the schema: any write shows up as a different fingerprint.</summary>
internal static class TableFingerprint
{
    public static string Of(TestDatabase database)
    {
        using var connection = database.Open();
        var text = new StringBuilder();
        var tables = new List<string>();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";
            using var reader = schema.ExecuteReader();
            while (reader.Read())
            {
                text.Append(reader.GetString(0)).Append('|').Append(reader.GetString(1)).Append('|').Append(reader.IsDBNull(2) ? "" : reader.GetString(2)).Append('\n');
                if (reader.GetString(0) == "table")
                {
                    tables.Add(reader.GetString(1));
                }
            }
        }

        var counts = new List<string>();
        foreach (var table in tables)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = rows.ExecuteReader();
            var count = 0;
            while (reader.Read())
            {
                count++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001F');
                }

                text.Append('\n');
            }

            counts.Add($"{table}={count}");
        }

        return string.Join(",", counts) + " sha256=" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
