using System.Net;
using System.Text;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Writes;

/// <summary>Malformed, hostile and oversized bodies: always a 4xx with an OData error body, never a 5xx, and the data unchanged.</summary>
public sealed class BodyTests(WriteServerFixture fixture) : IClassFixture<WriteServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_NotJson_Answers415(string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "odata/Orders") { Content = new StringContent("""{"Note":"x"}""") };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"UnsupportedMediaType\"");
    }

    [Fact]
    public async Task Post_LargerThanTheLimit_Answers413AndInsertsNothing()
    {
        var count = fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"");
        var body = "{\"Note\":\"" + new string('x', 100_000) + "\"}";

        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", body);

        response.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.ErrorCode.Should().Be("PayloadTooLarge");
        fixture.Database.Scalar("SELECT COUNT(*) FROM \"Orders\"").Should().Be(count);
    }

    [Theory]
    [InlineData("{\"Note\":")]
    [InlineData("{\"Note\":\"x\",}")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"Note\":'x'}")]
    [InlineData("{\"Note\":\"x\"} {\"Note\":\"y\"}")]
    [InlineData("{\"Note\":\"\\ud800\"}")]
    [InlineData("{\"\\udc00\":\"x\"}")]
    [InlineData("{\"Note\":\"x\",\"Extra\":[{\"a\":\"\\ud800x\"}]}")]
    public async Task Patch_MalformedJson_Answers400(string body)
    {
        var before = fixture.Database.Fingerprint();

        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(60)", body);

        response.Status.Should().Be(HttpStatusCode.BadRequest, response.Body);
        response.ErrorCode.Should().Be("BadRequest");
        response.Body.Should().NotContain("Exception").And.NotContain("   at ");
        fixture.Database.Fingerprint().Should().Be(before);
    }

    [Fact]
    public async Task Patch_DeeplyNestedJson_Answers400()
    {
        var body = "{\"Note\":" + new string('[', 5_000) + new string(']', 5_000) + "}";

        var response = await _client.SendAsync(HttpMethod.Patch, "odata/Orders(61)", body);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_EmptyBody_Answers400()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "odata/Orders", "");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Writes_SeededHostileBodies_NeverAnswer5xxAndLeaveTheDataUnchanged()
    {
        var before = fixture.Database.Fingerprint();
        var random = new Random(20261201);
        string[] values = ["null", "true", "-1", "1e308", "1e999", "-0", "3.5", "\"\"", "\"x'); DROP TABLE Orders; --\"", "\"\\u0000\"", "[]", "{}",
            "\"2024-13-45\"", "\"2024-01-01T25:00:00Z\"", "9223372036854775808", "\"NaN\"", "\"INF\"", "\"" + new string('y', 5000) + "\""];
        string[] names = ["Id", "CustomerId", "Product", "Note", "Amount", "Quantity", "Price", "Paid", "OrderDate", "ShippedAt", "@odata.type", "Unknown", "", "Note@odata.type"];
        var statuses = new List<int>();
        for (var i = 0; i < 300; i++)
        {
            var members = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => $"\"{names[random.Next(names.Length)]}\":{values[random.Next(values.Length)]}");
            var body = "{" + string.Join(",", members) + "}";
            // Every generated body carries at least one invalid member or value, so none of them may change anything.
            body = body.Insert(1, "\"Quantity\":-1,");
            var (method, url) = (i % 3) switch
            {
                0 => (HttpMethod.Post, "odata/Orders"),
                1 => (HttpMethod.Patch, "odata/Orders(62)"),
                _ => (HttpMethod.Post, "odata/Orders(62)/Test.Shop.Ship"),
            };

            var response = await _client.SendAsync(method, url, body);
            statuses.Add((int)response.Status);
            ((int)response.Status).Should().BeInRange(400, 499, $"{method} {url} {body[..Math.Min(body.Length, 200)]} answered {response.Body}");
            response.Json.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        }

        statuses.Should().Contain(400);
        fixture.Database.Fingerprint().Should().Be(before);
    }
}
