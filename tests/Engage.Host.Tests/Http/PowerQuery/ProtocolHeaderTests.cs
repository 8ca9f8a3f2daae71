using System.Net;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// Version negotiation and the data format (odata-for-bi.md §0 rules 3-4, §2.2, and the §2.5 rows "4.0,4.0",
/// "OData-Version: 4.0;" and "404 when V3 headers are present").
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ProtocolHeaderTests(PowerQueryDemoFixture demo)
{
    public static TheoryData<string> Urls =>
    [
        "/odata/",
        "/odata/$metadata",
        "/odata/Interactions?$top=2",
        "/odata/Interactions/$count",
        "/odata/Posts?$filter=NoSuchProperty eq 1",
        "/odata/NoSuchSet",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Rule03_OneODataVersionHeader_EvenWithV3Headers(string url)
    {
        var response = await PowerQueryClient.SendAsync(demo, url);

        response.Status.Should().NotBe(HttpStatusCode.InternalServerError);
        response.HeaderNameCount("OData-Version").Should().Be(1, "one header, not two under different casings");
        response.Header("OData-Version").Should().Equal(["4.0"], "exactly 4.0: no trailing ';', no 4.01");
    }

    [Fact]
    public async Task Rule03_OneODataVersionHeader_OnTheUnauthorizedAnswerToo()
    {
        var response = await PowerQueryClient.SendAsync(demo, PowerQueryClient.Get("/odata/Interactions", key: null));

        response.Status.Should().Be(HttpStatusCode.Unauthorized);
        response.HeaderNameCount("OData-Version").Should().Be(1);
        response.Header("OData-Version").Should().Equal(["4.0"]);
    }

    [Fact]
    public async Task Rule03_OnlyTheV3Header_IsIgnoredNot404()
    {
        var request = PowerQueryClient.Get("/odata/Interactions?$top=1", demo.Factory.AdminKey);
        request.Headers.Remove("OData-MaxVersion");

        var response = await PowerQueryClient.SendAsync(demo, request);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Header("OData-Version").Should().Equal(["4.0"]);
    }

    [Fact]
    public async Task Rule03_MaxVersion401_IsAnsweredAs40()
    {
        var response = await PowerQueryClient.SendAsync(demo, "/odata/Interactions?$top=1", ("OData-MaxVersion", "4.01"));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Header("OData-Version").Should().Equal(["4.0"]);
    }

    [Fact]
    public async Task Rule04_Data_IsJsonWithMinimalMetadata()
    {
        var response = await PowerQueryClient.SendAsync(demo, "/odata/Posts?$top=3");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().StartWith("application/json").And.Contain("odata.metadata=minimal");
        var json = response.Json;
        json.GetProperty("@odata.context").GetString().Should().Be("http://localhost/odata/$metadata#Posts");
        json.GetProperty("value").EnumerateArray().Should().OnlyContain(
            row => !row.EnumerateObject().Any(p => p.Name.StartsWith("@odata.", StringComparison.Ordinal)), "minimal metadata writes no per-row annotations");
    }

    [Fact]
    public async Task Rule04_CountSegment_IsPlainText()
    {
        var response = await PowerQueryClient.SendAsync(demo, "/odata/Posts/$count");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().StartWith("text/plain");
        long.Parse(response.Body, System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
    }
}
