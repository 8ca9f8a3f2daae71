using System.Net;
using System.Text.Json;
using Microsoft.OData.Edm;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// What every row looks like (odata-for-bi.md §0 rules 5 and 9, and the §2.5 rows "We expected a property 'X', but the
/// OData service omitted it", "A null value was found for the property … does not allow null values", "a DateTimeOffset
/// literal fails to convert"). Checked on a page of every entity set against the types declared in <c>$metadata</c>.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class PayloadTests(PowerQueryDemoFixture demo)
{
    [Fact]
    public async Task Rule05_EveryDeclaredProperty_IsOnEveryRowOfEverySet_NullIncluded()
    {
        var model = await PowerQueryClient.ReadModelAsync(demo);
        var nullsSeen = 0;

        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var declared = entitySet.EntityType().StructuralProperties().Select(p => p.Name).ToList();
            var rows = (await PowerQueryClient.GetJsonAsync(demo, $"/odata/{entitySet.Name}")).GetProperty("value").EnumerateArray().ToList();
            foreach (var row in rows)
            {
                PropertyNames(row).Should().Equal(declared, entitySet.Name);
                nullsSeen += row.EnumerateObject().Count(p => p.Value.ValueKind == JsonValueKind.Null);
            }
        }

        nullsSeen.Should().BePositive("the demo has null values, and they are written");
    }

    [Fact]
    public async Task Rule05_SelectedNullableProperties_AreOnEveryRow_NullIncluded()
    {
        var rows = (await PowerQueryClient.GetJsonAsync(demo, "/odata/Interactions?$select=Id%2CAssignedTo%2CRespondedAt%2CSentimentScore"))
            .GetProperty("value").EnumerateArray().ToList();

        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(r => PropertyNames(r).SequenceEqual(new[] { "Id", "AssignedTo", "RespondedAt", "SentimentScore" }));
        rows.Should().Contain(r => r.GetProperty("AssignedTo").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Rule05_NonNullableProperties_AreNeverNull()
    {
        var model = await PowerQueryClient.ReadModelAsync(demo);

        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var required = entitySet.EntityType().StructuralProperties().Where(p => !p.Type.IsNullable).Select(p => p.Name).ToList();
            var rows = (await PowerQueryClient.GetJsonAsync(demo, $"/odata/{entitySet.Name}")).GetProperty("value").EnumerateArray();
            foreach (var row in rows)
            {
                required.Should().OnlyContain(name => row.GetProperty(name).ValueKind != JsonValueKind.Null, entitySet.Name);
            }
        }
    }

    [Fact]
    public async Task Rule05_OmitValuesNulls_IsAcknowledgedAndLeavesOutOnlyNulls()
    {
        const string Url = "/odata/Interactions?$select=Id%2CKind%2CAssignedTo%2CSentimentScore&$top=40";
        var full = await PowerQueryClient.SendAsync(demo, Url);
        var omitted = await PowerQueryClient.SendAsync(demo, Url, ("Prefer", "omit-values=nulls"));

        full.Header("Preference-Applied").Should().BeEmpty();
        omitted.Header("Preference-Applied").Should().ContainSingle().Which.Should().Contain("omit-values=nulls");
        var fullRows = full.Json.GetProperty("value").EnumerateArray().ToList();
        var omittedRows = omitted.Json.GetProperty("value").EnumerateArray().ToList();
        omittedRows.Should().HaveCount(fullRows.Count);
        for (var i = 0; i < fullRows.Count; i++)
        {
            var nonNull = fullRows[i].EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null && !p.Name.StartsWith('@')).Select(p => p.Name);
            PropertyNames(omittedRows[i]).Should().Equal(nonNull);
        }
    }

    [Fact]
    public async Task Rule09_TemporalValues_DateTimeOffsetAlwaysWithOffset_DateAsPlainDate()
    {
        var model = await PowerQueryClient.ReadModelAsync(demo);
        var checkedValues = 0;

        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var properties = entitySet.EntityType().StructuralProperties().ToList();
            var rows = (await PowerQueryClient.GetJsonAsync(demo, $"/odata/{entitySet.Name}")).GetProperty("value").EnumerateArray();
            foreach (var row in rows)
            {
                foreach (var property in properties)
                {
                    var value = row.GetProperty(property.Name);
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    switch (property.Type.PrimitiveKind())
                    {
                        case EdmPrimitiveTypeKind.DateTimeOffset:
                            value.GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", property.Name);
                            checkedValues++;
                            break;
                        case EdmPrimitiveTypeKind.Date:
                            value.GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$", property.Name);
                            checkedValues++;
                            break;
                        case EdmPrimitiveTypeKind.Int64 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Double:
                            value.ValueKind.Should().Be(JsonValueKind.Number, "Power Query does not send IEEE754Compatible=true");
                            break;
                    }
                }
            }
        }

        checkedValues.Should().BePositive();
    }

    [Fact]
    public async Task Rule09_EntityTypes_UseOnlyPrimitiveCsdlTypes_NoEnumsNoOpenTypes()
    {
        var model = await PowerQueryClient.ReadModelAsync(demo);

        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var type = entitySet.EntityType();
            type.IsOpen.Should().BeFalse(type.Name);
            type.StructuralProperties().Should().OnlyContain(p => p.Type.IsPrimitive(), type.Name);
        }

        model.SchemaElements.OfType<IEdmComplexType>().Should().OnlyContain(
            t => t.Namespace == "Org.OData.Aggregation.V1", "the only complex type is the vocabulary's, no entity uses one");
    }

    [Fact]
    public async Task Rule09_EdmDateFilter_FoldsIntoTheQuery()
    {
        var json = await PowerQueryClient.GetJsonAsync(demo,
            "/odata/Interactions?$filter=CreatedDate%20ge%202020-01-01%20and%20CreatedDate%20lt%202100-01-01&$select=Id%2CCreatedDate&$count=true&$top=5");

        json.GetProperty("@odata.count").GetInt64().Should().BePositive();
        json.GetProperty("value").EnumerateArray().Should().OnlyContain(
            r => string.CompareOrdinal(r.GetProperty("CreatedDate").GetString(), "2020-01-01") >= 0);
    }

    [Fact]
    public async Task Rule09_IntegersAsJsonNumbers_UnlessIeee754CompatibleIsAsked()
    {
        var plain = await PowerQueryClient.SendAsync(demo, "/odata/Posts?$top=1&$select=Id");
        var ieee = await PowerQueryClient.SendAsync(demo, "/odata/Posts?$top=1&$select=Id", ("Accept", "application/json;odata.metadata=minimal;IEEE754Compatible=true"));

        plain.Status.Should().Be(HttpStatusCode.OK);
        plain.Json.GetProperty("value")[0].GetProperty("Id").ValueKind.Should().Be(JsonValueKind.Number);
        ieee.Json.GetProperty("value")[0].GetProperty("Id").ValueKind.Should().Be(JsonValueKind.String);
    }

    /// <summary>The property names of an entity, without its control information (<c>@odata.etag</c> and the like).</summary>
    private static IEnumerable<string> PropertyNames(System.Text.Json.JsonElement entity) =>
        entity.EnumerateObject().Select(p => p.Name).Where(name => !name.StartsWith('@'));
}
