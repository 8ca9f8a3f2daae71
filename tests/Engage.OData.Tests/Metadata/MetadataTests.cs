using System.Net;
using System.Text;
using System.Xml;
using Engage.OData.Tests.Support;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace Engage.OData.Tests.Metadata;

public sealed class MetadataTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Fact]
    public async Task Get_Metadata_IsCsdlXmlVersion40InUtf8()
    {
        var response = await _client.GetODataAsync("odata/$metadata");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be("application/xml");
        response.Header("OData-Version").Should().Equal("4.0");
        var bytes = await response.Message.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        text.Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        text.Should().Contain("<edmx:Edmx Version=\"4.0\"");
        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "no byte order mark");
    }

    [Fact]
    public async Task Get_MetadataWithJsonAccept_StillAnswersXml()
    {
        var response = await _client.GetODataAsync("odata/$metadata", ("Accept", "application/json"));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be("application/xml");
    }

    [Fact]
    public async Task Get_Metadata_ParsesAndValidatesWithCsdlReader()
    {
        var response = await _client.GetODataAsync("odata/$metadata");

        using var reader = XmlReader.Create(new StringReader(response.Body));
        CsdlReader.TryParse(reader, out var model, out var errors).Should().BeTrue(string.Join("; ", errors ?? []));
        model.Validate(out IEnumerable<EdmError> validationErrors).Should().BeTrue(string.Join("; ", validationErrors));
        model.EntityContainer.FindEntitySet("Orders").Should().NotBeNull();
        model.EntityContainer.FindEntitySet("Customers").Should().NotBeNull();
    }

    [Fact]
    public async Task Get_MetadataWithMatchingIfNoneMatch_Answers304()
    {
        var first = await _client.GetODataAsync("odata/$metadata");
        var etag = first.Header("ETag").Should().ContainSingle().Subject;

        var second = await _client.GetODataAsync("odata/$metadata", ("If-None-Match", etag));

        second.Status.Should().Be(HttpStatusCode.NotModified);
        second.Body.Should().BeEmpty();
        second.Header("ETag").Should().Equal(etag);
    }

    [Fact]
    public async Task Get_MetadataWithStaleIfNoneMatch_AnswersDocument()
    {
        var response = await _client.GetODataAsync("odata/$metadata", ("If-None-Match", "\"stale\""));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body.Should().Contain("Edmx");
    }

    [Fact]
    public async Task Get_MetadataWithPowerQueryHeaders_AnswersOneVersionHeader()
    {
        var response = await _client.GetODataAsync("odata/$metadata", PowerQuery.Headers);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Header("OData-Version").Should().Equal("4.0");
    }
}
