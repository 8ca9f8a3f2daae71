using System.Net;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using Microsoft.OData.Edm.Vocabularies;

namespace Engage.Host.Tests.Http;

/// <summary>The Engage.Reply action, ETags on the demo data and the write capabilities published in $metadata.</summary>
public sealed class DemoReplyTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private HttpClient Client => demo.Client;

    [Fact]
    public async Task Reply_OnAnInboundInteraction_RecordsAPublicationLinkedToIt()
    {
        var interaction = (await Client.GetJsonAsync("/odata/Interactions?$filter=Direction eq 'Inbound'&$top=1&$skip=2")).GetProperty("value")[0];
        var id = interaction.GetProperty("Id").GetInt64();
        var etag = interaction.GetProperty("@odata.etag").GetString()!;

        var reply = await Client.SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({id})/Engage.Reply", new { Text = "Thanks, we are on it!" }, ("If-Match", etag));

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body);
        var publication = reply.Json;
        publication.GetProperty("@odata.context").GetString().Should().EndWith("/odata/$metadata#Publications/$entity");
        publication.GetProperty("InReplyToInteractionId").GetInt64().Should().Be(id);
        publication.GetProperty("AccountId").GetInt64().Should().Be(interaction.GetProperty("AccountId").GetInt64());
        publication.GetProperty("WorkspaceId").GetInt64().Should().Be(interaction.GetProperty("WorkspaceId").GetInt64());
        publication.GetProperty("Text").GetString().Should().Be("Thanks, we are on it!");
        publication.GetProperty("Status").GetString().Should().Be("PendingApproval");
        publication.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
        var replies = await Client.GetJsonAsync($"/odata/Interactions({id})/Replies?$select=Id");
        replies.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt64()).Should().Contain(publication.GetProperty("Id").GetInt64());
    }

    [Fact]
    public async Task Reply_WithAStaleETagBadTextOrOnAnOutboundItem_CreatesNothing()
    {
        var inbound = (await Client.GetJsonAsync("/odata/Interactions?$filter=Direction eq 'Inbound'&$top=1&$skip=3&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        var outbound = (await Client.GetJsonAsync("/odata/Interactions?$filter=Direction eq 'Outbound'&$top=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        var before = await CountPublicationsAsync();

        var stale = await Client.SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({inbound})/Engage.Reply", new { Text = "Hi" }, ("If-Match", "W/\"999\""));
        var empty = await Client.SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({inbound})/Engage.Reply", new { Text = " " });
        var tooLong = await Client.SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({inbound})/Engage.Reply", new { Text = new string('a', 5001) });
        var missing = await Client.SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({inbound})/Engage.Reply", new { Message = "Hi" });
        var own = await Client.SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({outbound})/Engage.Reply", new { Text = "Hi" });
        var unknown = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Interactions(99999999)/Engage.Reply", new { Text = "Hi" });
        var get = await Client.SendJsonAsync(HttpMethod.Get, $"/odata/Interactions({inbound})/Engage.Reply");

        stale.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        empty.ErrorTarget.Should().Be("Text");
        tooLong.ErrorTarget.Should().Be("Text");
        missing.DetailTargets.Should().BeEquivalentTo("Message", "Text");
        own.Status.Should().Be(HttpStatusCode.Conflict);
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        get.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        get.Header("Allow").Should().Be("POST");
        (await CountPublicationsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Interactions_ETag_ChangesWithATriageChangeOnly()
    {
        var id = (await Client.GetJsonAsync("/odata/Interactions?$filter=Direction eq 'Inbound'&$top=1&$skip=4&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        var first = await Client.SendJsonAsync(HttpMethod.Get, $"/odata/Interactions({id})");
        var etag = first.Header("ETag")!;

        var same = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Interactions({id})", new { Status = first.Json.GetProperty("Status").GetString() }, ("If-Match", etag));
        var changed = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Interactions({id})", new { Team = "Sales" }, ("If-Match", etag));
        var stale = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Interactions({id})", new { Team = "Support" }, ("If-Match", etag));

        first.Json.GetProperty("@odata.etag").GetString().Should().Be(etag);
        same.Header("ETag").Should().Be(etag, "writing the same value changes nothing");
        changed.Status.Should().Be(HttpStatusCode.NoContent);
        changed.Header("ETag").Should().NotBe(etag);
        stale.Status.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Metadata_PublishesWriteCapabilitiesConcurrencyAndTheReplyAction_AndValidates()
    {
        var csdl = await Client.GetStringAsync("/odata/$metadata");
        using var reader = XmlReader.Create(new StringReader(csdl));
        CsdlReader.TryParse(reader, out var model, out var parseErrors).Should().BeTrue(string.Join("; ", parseErrors ?? []));
        model.Validate(out var errors).Should().BeTrue(string.Join("; ", errors));

        Restriction(model, "Interactions", "InsertRestrictions", "Insertable").Should().BeFalse();
        Restriction(model, "Interactions", "UpdateRestrictions", "Updatable").Should().BeTrue();
        Restriction(model, "Interactions", "DeleteRestrictions", "Deletable").Should().BeFalse();
        Restriction(model, "Workspaces", "InsertRestrictions", "Insertable").Should().BeTrue();
        Restriction(model, "Connections", "InsertRestrictions", "Insertable").Should().BeTrue();
        Restriction(model, "Connections", "DeleteRestrictions", "Deletable").Should().BeTrue();
        Restriction(model, "Posts", "UpdateRestrictions", "Updatable").Should().BeFalse();
        Restriction(model, "Posts", "InsertRestrictions", "Insertable").Should().BeFalse();
        var connection = model.EntityContainer.FindEntitySet("Connections").EntityType();
        model.FindVocabularyAnnotations(connection.FindProperty("Plugin")).Should().Contain(a => a.Term.FullName() == "Org.OData.Core.V1.Immutable");
        model.FindVocabularyAnnotations(connection.FindProperty("Network")).Should().Contain(a => a.Term.FullName() == "Org.OData.Core.V1.Computed");
        model.FindVocabularyAnnotations(connection.FindProperty("Settings")).Should().BeEmpty("settings are given on insert and changed later");
        var interactions = model.EntityContainer.FindEntitySet("Interactions");
        model.FindVocabularyAnnotations(interactions).Should().Contain(a => a.Term.FullName() == "Org.OData.Core.V1.OptimisticConcurrency");
        model.FindVocabularyAnnotations(model.EntityContainer.FindEntitySet("Posts")).Should().NotContain(a => a.Term.FullName() == "Org.OData.Core.V1.OptimisticConcurrency");
        var text = interactions.EntityType().FindProperty("Text");
        model.FindVocabularyAnnotations(text).Should().Contain(a => a.Term.FullName() == "Org.OData.Core.V1.Computed");
        var reply = model.SchemaElements.OfType<IEdmAction>().Single(a => a.FullName() == "Engage.Reply");
        reply.IsBound.Should().BeTrue();
        reply.Parameters.Select(p => p.Name).Should().Equal("bindingParameter", "Text");
    }

    private static bool Restriction(IEdmModel model, string set, string term, string property)
    {
        var annotation = model.FindVocabularyAnnotations(model.EntityContainer.FindEntitySet(set))
            .Single(a => a.Term.FullName() == "Org.OData.Capabilities.V1." + term);
        var record = (IEdmRecordExpression)annotation.Value;
        return ((IEdmBooleanConstantExpression)record.FindProperty(property).Value).Value;
    }

    private async Task<long> CountPublicationsAsync() =>
        long.Parse(await Client.GetStringAsync("/odata/Publications/$count"), System.Globalization.CultureInfo.InvariantCulture);
}
