using System.Text;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

/// <summary>Sends write requests (JSON bodies, extra headers) and reads rows back straight from the database.</summary>
internal static class WriteRequests
{
    public static async Task<ODataResponse> SendAsync(
        this HttpClient client, HttpMethod method, string url, string? json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        var contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;
        return new ODataResponse(response, await response.Content.ReadAsStringAsync(), contentType);
    }

    /// <summary>One column of one order, as stored.</summary>
    public static object? Stored(this TestDatabase database, long id, string column)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM \"Orders\" WHERE \"Id\" = @id";
        command.Parameters.AddWithValue("@id", id);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>A fingerprint of every order row, to show a refused request changed nothing.</summary>
    public static string Fingerprint(this TestDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT group_concat(quote("Id") || quote("Note") || quote("Amount") || quote("Quantity") || quote("RowVersion"), ';') FROM (SELECT * FROM "Orders" ORDER BY "Id")""";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
