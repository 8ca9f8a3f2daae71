using System.Net;
using System.Text.Json;
using System.Xml;
using Engage.Host.ODataModel;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace Engage.Host.Tests.Http;

public sealed class DemoNavigationTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void Build_EngageModel_ValidatesWithNavigationsInBothDirections()
    {
        var model = EngageModel.Build();

        model.Validate(out var errors).Should().BeTrue(string.Join("; ", errors));
        var interaction = model.FindDeclaredType("Engage.Interaction").Should().BeAssignableTo<IEdmEntityType>().Subject;
        var contact = interaction.FindProperty("Contact").Should().BeAssignableTo<IEdmNavigationProperty>().Subject;
        contact.Type.IsNullable.Should().BeTrue("Interactions.ContactId is nullable");
        contact.Partner.Name.Should().Be("Interactions");
        var post = (IEdmEntityType)model.FindDeclaredType("Engage.Post");
        ((IEdmNavigationProperty)post.FindProperty("Account")).Type.IsNullable.Should().BeFalse("Posts.AccountId is required");
        post.NavigationProperties().Select(n => n.Name).Should().Contain(["Account", "Interactions", "Publications"]);
    }

    [Fact]
    public async Task Metadata_WithNavigations_ReadsBackAndValidates()
    {
        var csdl = await demo.Client.GetStringAsync("/odata/$metadata");

        using var reader = XmlReader.Create(new StringReader(csdl));
        CsdlReader.TryParse(reader, out var model, out var parseErrors).Should().BeTrue(string.Join("; ", parseErrors ?? []));
        model.Validate(out var errors).Should().BeTrue(string.Join("; ", errors));
        var accounts = model.EntityContainer.FindEntitySet("Accounts");
        accounts.NavigationPropertyBindings.Select(b => b.NavigationProperty.Name)
            .Should().Contain(["Posts", "Interactions", "AccountDailyStats", "MetricValues", "Workspace", "Connection"]);
    }

    [Fact]
    public async Task Posts_ExpandInteractionsWithNestedSelectAndTop_AttachesAtMostThreePerPost()
    {
        var json = await GetJsonAsync("/odata/Posts?$top=2&$expand=Interactions($select=Kind;$top=3)");

        json.GetProperty("@odata.context").GetString().Should().EndWith("/odata/$metadata#Posts(Interactions(Kind))");
        var posts = json.GetProperty("value").EnumerateArray().ToList();
        posts.Should().HaveCount(2);
        foreach (var post in posts)
        {
            var interactions = post.GetProperty("Interactions").EnumerateArray().ToList();
            interactions.Count.Should().BeLessThanOrEqualTo(3);
            interactions.Should().OnlyContain(i => i.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "Kind" }));
        }
    }

    [Fact]
    public async Task Interactions_FilterThroughContact_ReturnsOnlyCustomerInteractions()
    {
        var json = await GetJsonAsync("/odata/Interactions?$filter=Contact/IsCustomer eq true&$top=5&$select=Id,ContactId&$expand=Contact($select=IsCustomer)");

        var rows = json.GetProperty("value").EnumerateArray().ToList();
        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(r => r.GetProperty("Contact").GetProperty("IsCustomer").GetBoolean());
    }

    [Fact]
    public async Task Posts_AnyInteractionOfKind_MatchesTheNavigationCount()
    {
        var post = (await GetJsonAsync("/odata/Posts?$filter=Interactions/any(i: i/Kind eq 'Comment')&$top=1&$select=Id"))
            .GetProperty("value")[0].GetProperty("Id").GetInt64();

        var comments = await demo.Client.GetStringAsync($"/odata/Posts({post})/Interactions/$count?$filter=Kind eq 'Comment'");

        long.Parse(comments, System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
    }

    [Fact]
    public async Task Interactions_SingleNavigationPath_ReturnsContactOrNoContent()
    {
        var rows = (await GetJsonAsync("/odata/Interactions?$filter=ContactId ne null&$top=1&$select=Id,ContactId")).GetProperty("value");
        var id = rows[0].GetProperty("Id").GetInt64();

        var contact = await GetJsonAsync($"/odata/Interactions({id})/Contact");

        contact.GetProperty("@odata.context").GetString().Should().EndWith("/odata/$metadata#Contacts/$entity");
        contact.GetProperty("Id").GetInt64().Should().Be(rows[0].GetProperty("ContactId").GetInt64());
        using var missing = await demo.Client.GetAsync("/odata/Interactions(999999999)/Contact");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await demo.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
