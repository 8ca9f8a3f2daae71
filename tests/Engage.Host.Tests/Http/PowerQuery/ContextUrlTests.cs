using System.Text.RegularExpressions;
using Microsoft.OData.Edm;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// Context URLs that Excel and Power BI accept (odata-for-bi.md §0 rule 7, and the §2.5 rows "The odata.context url
/// '…(Name,Order())' is invalid" and "'…People(Trips0)/$entity' is invalid").
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class ContextUrlTests(PowerQueryDemoFixture demo)
{
    [Theory]
    [InlineData("$select=Id%2CText&$expand=Interactions", "Posts(Id,Text,Interactions({0}))")]
    [InlineData("$expand=Interactions", "Posts(Interactions({0}))")]
    [InlineData("$select=Id&$expand=Account,Interactions($select=Kind)", "Posts(Id,Account({1}),Interactions(Kind))")]
    public async Task Rule07_SelectAndExpand_ContextListsTheExpandedProperties_NeverEmptyParentheses(string query, string expected)
    {
        var model = await PowerQueryClient.ReadModelAsync(demo);
        string Properties(string type) => string.Join(",", ((IEdmEntityType)model.FindDeclaredType("Engage." + type)).StructuralProperties().Select(p => p.Name));

        var json = await PowerQueryClient.GetJsonAsync(demo, "/odata/Posts?$top=2&" + query);

        var context = json.GetProperty("@odata.context").GetString()!;
        context.Should().NotContain("()");
        context.Should().Be("http://localhost/odata/$metadata#" + string.Format(System.Globalization.CultureInfo.InvariantCulture, expected,
            Properties("Interaction"), Properties("Account")));
    }

    [Fact]
    public async Task Row_EntityAndNavigationContexts_AreWellFormed()
    {
        var first = (await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?$filter=ContactId%20ne%20null&$top=1&$select=Id%2CPostId%2CContactId"))
            .GetProperty("value")[0];
        var id = first.GetProperty("Id").GetInt64();
        var contexts = new Dictionary<string, string>
        {
            [$"/odata/Interactions({id})"] = "#Interactions/$entity",
            [$"/odata/Interactions({id})?$select=Id%2CKind"] = "#Interactions(Id,Kind)/$entity",
            [$"/odata/Interactions({id})/Contact"] = "#Contacts/$entity",
            [$"/odata/Contacts({first.GetProperty("ContactId").GetInt64()})/Interactions?$top=2"] = "#Interactions",
        };

        foreach (var (url, expected) in contexts)
        {
            var json = await PowerQueryClient.GetJsonAsync(demo, url);
            var context = json.GetProperty("@odata.context").GetString()!;
            context.Should().Be("http://localhost/odata/$metadata" + expected, url);
            SetNameWithDigits().IsMatch(context).Should().BeFalse(url);
        }
    }

    [GeneratedRegex(@"#[A-Za-z]+\d")]
    private static partial Regex SetNameWithDigits();
}
