using System.Net;
using System.Text.Json;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// Key addressing and navigation as Power Query uses them when a user expands a column (odata-for-bi.md §0 rule 10, §2.1
/// step 5, and the §2.5 row "N+1 requests on expanding a column").
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class NavigationTests(PowerQueryDemoFixture demo)
{
    [Fact]
    public async Task Rule10_KeyAddressing_ReturnsThatEntity()
    {
        var id = (await PowerQueryClient.GetJsonAsync(demo, "/odata/Posts?$top=1&$skip=3&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();

        var post = await PowerQueryClient.GetJsonAsync(demo, $"/odata/Posts({id})");

        post.GetProperty("Id").GetInt64().Should().Be(id);
        post.GetProperty("Text").ValueKind.Should().NotBe(JsonValueKind.Undefined);
    }

    [Fact]
    public async Task Rule10_ExpandWithNestedSelect_AsExcelSendsIt_ReturnsOnlyTheSelectedRelatedProperties()
    {
        var rows = (await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?$top=40&$select=Id%2CContactId&$expand=Contact(%24select%3DHandle%2CIsCustomer)"))
            .GetProperty("value").EnumerateArray().ToList();

        rows.Should().Contain(r => r.GetProperty("Contact").ValueKind == JsonValueKind.Object);
        foreach (var row in rows)
        {
            var contact = row.GetProperty("Contact");
            if (row.GetProperty("ContactId").ValueKind == JsonValueKind.Null)
            {
                contact.ValueKind.Should().Be(JsonValueKind.Null);
                continue;
            }

            contact.EnumerateObject().Select(p => p.Name).Should().Equal("Handle", "IsCustomer");
        }
    }

    [Fact]
    public async Task Row_PerRowNavigation_AnswersEveryRowOfAPageLikeTheExpansion()
    {
        var rows = (await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?$top=25&$select=Id%2CContactId&$expand=Contact($select=Id,Handle)"))
            .GetProperty("value").EnumerateArray().ToList();

        foreach (var row in rows)
        {
            var response = await PowerQueryClient.SendAsync(demo, $"/odata/Interactions({row.GetProperty("Id").GetInt64()})/Contact");
            var expanded = row.GetProperty("Contact");
            if (expanded.ValueKind == JsonValueKind.Null)
            {
                response.Status.Should().Be(HttpStatusCode.NoContent);
                continue;
            }

            response.Status.Should().Be(HttpStatusCode.OK);
            response.Json.GetProperty("Id").GetInt64().Should().Be(expanded.GetProperty("Id").GetInt64());
            response.Json.GetProperty("Handle").GetString().Should().Be(expanded.GetProperty("Handle").GetString());
        }
    }

    [Fact]
    public async Task Rule10_NavigationCollection_ReturnsTheRelatedRows()
    {
        var post = (await PowerQueryClient.GetJsonAsync(demo, "/odata/Posts?$filter=Interactions/any()&$top=1&$select=Id")).GetProperty("value")[0];
        var id = post.GetProperty("Id").GetInt64();

        var viaPath = await PowerQueryClient.ReadAllPagesAsync(demo, $"/odata/Posts({id})/Interactions?$select=Id%2CPostId");
        var count = await PowerQueryClient.SendAsync(demo, $"/odata/Posts({id})/Interactions/$count");

        var rows = viaPath.SelectMany(p => p.GetProperty("value").EnumerateArray()).ToList();
        rows.Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("PostId").GetInt64() == id);
        count.Body.Should().Be(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
