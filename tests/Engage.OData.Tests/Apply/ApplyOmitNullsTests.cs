using System.Net;
using System.Text.Json;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Apply;

/// <summary><c>Prefer: omit-values=nulls</c> on aggregated rows: acknowledged, and only null values left out, as on entity rows.</summary>
public sealed class ApplyOmitNullsTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private static readonly (string, string) OmitNulls = ("Prefer", "omit-values=nulls");

    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_GroupByWithOmitNulls_IsAcknowledgedAndLeavesOutOnlyTheNullGroupValue()
    {
        const string url = "odata/Orders?$apply=filter(Id le 12)/groupby((Price),aggregate($count as N))";

        var written = await _client.GetODataAsync(url);
        var omitted = await _client.GetODataAsync(url, OmitNulls);

        written.Header("Preference-Applied").Should().BeEmpty();
        written.Rows[0].GetProperty("Price").ValueKind.Should().Be(JsonValueKind.Null);
        omitted.Status.Should().Be(HttpStatusCode.OK, omitted.Body);
        omitted.Header("Preference-Applied").Should().Equal("omit-values=nulls");
        omitted.Rows[0].TryGetProperty("Price", out _).Should().BeFalse("the null group value is left out");
        omitted.Rows[0].GetProperty("N").GetInt64().Should().Be(fixture.Database.Orders.Count(o => o.Id <= 12 && o.Price is null));
        omitted.Rows.Select(WithoutNulls).Should().Equal(written.Rows.Select(WithoutNulls), "only nulls are left out");
        omitted.Rows.Skip(1).Select(r => r.TryGetProperty("Price", out _)).Should().OnlyContain(present => present, "values that are not null stay");
    }

    [Fact]
    public async Task Get_AggregatesOverNoValuesWithOmitNulls_LeaveOutTheNullAggregates()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=filter(Price eq null)/aggregate(Price with sum as S,Price with max as M,$count as N)", OmitNulls);

        var row = response.Rows.Should().ContainSingle().Subject;
        row.EnumerateObject().Select(p => p.Name).Should().Equal("N");
        row.GetProperty("N").GetInt64().Should().Be(fixture.Database.Orders.Count(o => o.Price is null));
    }

    [Fact]
    public async Task Get_GroupByAlongNavigationWithOmitNulls_LeavesOutNullsInsideTheNestedObject()
    {
        const string url = "odata/Orders?$apply=groupby((Customer/Name,Customer/Email),aggregate($count as N))&$orderby=Customer/Name";

        var written = await _client.GetODataAsync(url);
        var omitted = await _client.GetODataAsync(url, OmitNulls);

        omitted.Status.Should().Be(HttpStatusCode.OK, omitted.Body);
        omitted.Header("Preference-Applied").Should().Equal("omit-values=nulls");
        omitted.Rows.Should().HaveCount(TestDatabase.CustomerCount);
        var withoutEmail = omitted.Rows.Where(r => !r.GetProperty("Customer").TryGetProperty("Email", out _)).ToList();
        withoutEmail.Select(r => r.GetProperty("Customer").GetProperty("Name").GetString()).Should()
            .BeEquivalentTo(Enumerable.Range(1, TestDatabase.CustomerCount).Where(i => i % 4 == 0).Select(i => $"Customer {i}"), "these customers have no email");
        written.Rows.Count(r => r.GetProperty("Customer").GetProperty("Email").ValueKind == JsonValueKind.Null).Should().Be(withoutEmail.Count);
        omitted.Rows.Select(WithoutNulls).Should().Equal(written.Rows.Select(WithoutNulls));
    }

    [Fact]
    public async Task NextLinks_WithOmitNullsAndMaxPageSize_AcknowledgeBothOnEveryPage()
    {
        var pages = await _client.GetAllPagesAsync("odata/Orders?$apply=groupby((Price),aggregate($count as N))", ("Prefer", "odata.maxpagesize=50, omit-values=nulls"));

        pages.Should().HaveCountGreaterThan(1);
        pages.Should().OnlyContain(p => p.Header("Preference-Applied").SequenceEqual(new[] { "odata.maxpagesize=50, omit-values=nulls" }));
        var rows = pages.SelectMany(p => p.Rows).ToList();
        rows.Should().HaveCount(fixture.Database.Orders.Select(o => o.Price).Distinct().Count());
        rows.Count(r => !r.TryGetProperty("Price", out _)).Should().Be(1, "one group has a null price");
    }

    /// <summary>The row as text with every null member dropped, nested objects included.</summary>
    private static string WithoutNulls(JsonElement row) => string.Join(",", row.EnumerateObject()
        .Where(p => p.Value.ValueKind != JsonValueKind.Null)
        .Select(p => p.Name + ":" + (p.Value.ValueKind == JsonValueKind.Object ? "{" + WithoutNulls(p.Value) + "}" : p.Value.GetRawText())));
}
