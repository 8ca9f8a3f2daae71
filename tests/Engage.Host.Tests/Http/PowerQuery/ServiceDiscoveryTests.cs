using System.Net;
using Engage.Host.ODataModel;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// What Excel and Power BI read first: the service document and <c>$metadata</c> (odata-for-bi.md §0 rules 1-2, §2.1, and
/// the §2.5 rows "neither points to an OData service or a feed", "None of the supported type(s) 'application/xml'",
/// "Function imports called wrongly").
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ServiceDiscoveryTests(PowerQueryDemoFixture demo)
{
    [Theory]
    [InlineData("/odata/")]
    [InlineData("/odata")]
    public async Task Rule01_ServiceRoot_IsAJsonServiceDocumentListingEveryEntitySet(string url)
    {
        var response = await PowerQueryClient.SendAsync(demo, url);

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.ContentType.Should().StartWith("application/json");
        var json = response.Json;
        json.GetProperty("@odata.context").GetString().Should().Be("http://localhost/odata/$metadata");
        var sets = json.GetProperty("value").EnumerateArray().ToList();
        sets.Select(s => s.GetProperty("name").GetString()).Should().BeEquivalentTo(EngageModel.EntitySetNames);
        sets.Should().OnlyContain(s => s.GetProperty("kind").GetString() == "EntitySet" && s.GetProperty("url").GetString() == s.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Rule01_FeedUrlWithQueryTypedByTheUser_IsAnODataFeed()
    {
        var json = await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?$filter=Direction%20eq%20%27Inbound%27&$select=Id%2CKind&$top=3");

        json.GetProperty("@odata.context").GetString().Should().Be("http://localhost/odata/$metadata#Interactions(Id,Kind)");
        json.GetProperty("value").GetArrayLength().Should().Be(3);
    }

    [Theory]
    [InlineData(PowerQueryClient.Accept)]
    [InlineData("application/json")]
    [InlineData("application/json;odata.metadata=minimal")]
    [InlineData("*/*")]
    public async Task Rule02_Metadata_IsUtf8CsdlXmlVersion40WhateverTheAccept(string accept)
    {
        var response = await PowerQueryClient.SendAsync(demo, "/odata/$metadata", ("Accept", accept));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().StartWith("application/xml");
        response.Body.Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        response.Body.Should().Contain("<edmx:Edmx Version=\"4.0\"");
    }

    [Fact]
    public async Task Rule02_Metadata_IsCachedWithAnETag()
    {
        var first = await PowerQueryClient.SendAsync(demo, "/odata/$metadata");
        var etag = first.Header("ETag").Should().ContainSingle().Subject;

        var again = await PowerQueryClient.SendAsync(demo, "/odata/$metadata", ("If-None-Match", etag));

        again.Status.Should().Be(HttpStatusCode.NotModified);
        again.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task Row_FunctionImportsCalledWrongly_NoneAreDeclaredAndCallingOneIsAnODataError()
    {
        var metadata = await PowerQueryClient.SendAsync(demo, "/odata/$metadata");
        metadata.Body.Should().NotContain("<FunctionImport").And.NotContain("<ActionImport");

        foreach (var url in new[] { "/odata/GetStatistics()", "/odata/Interactions/Engage.Summary()" })
        {
            var response = await PowerQueryClient.SendAsync(demo, url);
            ((int)response.Status).Should().BeOneOf([400, 404, 501], url);
            response.Body.Should().Contain("\"error\"", url);
        }

        // The one operation declared is an action bound to an entity: a GET (what a confused client sends) is 405, with a body.
        var get = await PowerQueryClient.SendAsync(demo, "/odata/Interactions(1)/Engage.Reply");
        get.Status.Should().Be(System.Net.HttpStatusCode.MethodNotAllowed);
        get.Header("Allow").Should().Contain("POST");
        get.Body.Should().Contain("\"error\"");
    }
}
