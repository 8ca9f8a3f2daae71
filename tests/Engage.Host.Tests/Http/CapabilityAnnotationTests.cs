using System.Globalization;
using System.Net;
using Engage.Host.Tests.Http.PowerQuery;
using Engage.OData.Metadata;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Validation;
using Microsoft.OData.Edm.Vocabularies;

namespace Engage.Host.Tests.Http;

/// <summary>
/// The capability annotations of <c>$metadata</c>, read back with <c>CsdlReader</c>, each checked against what the
/// engine answers over the demo data: a capability that is published must work, one that does not work must not be
/// published (odata-for-bi.md §2.7: a misreported capability is worse than none).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class CapabilityAnnotationTests(PowerQueryDemoFixture demo)
{
    private const string Capabilities = "Org.OData.Capabilities.V1.";

    /// <summary>
    /// One filter per function, each true for every demo interaction (columns that are never null, or a null guard), so
    /// the filtered count must equal the total: the function runs and gives the right answer.
    /// </summary>
    private static readonly Dictionary<string, string> FunctionTautologies = new()
    {
        ["contains"] = "contains(concat(Kind,Direction),Direction)",
        ["startswith"] = "startswith(concat(Kind,Direction),Kind)",
        ["endswith"] = "endswith(concat(Kind,Direction),Direction)",
        ["length"] = "length(concat(Kind,Direction)) eq length(Kind) add length(Direction)",
        ["indexof"] = "indexof(concat(Kind,Direction),Kind) eq 0",
        ["substring"] = "substring(concat(Kind,Direction),length(Kind)) eq Direction",
        ["tolower"] = "tolower(Direction) eq 'inbound' or tolower(Direction) eq 'outbound'",
        ["toupper"] = "toupper(Direction) eq 'INBOUND' or toupper(Direction) eq 'OUTBOUND'",
        ["trim"] = "trim(concat(' ',Kind)) eq Kind",
        ["concat"] = "concat(Kind,'') eq Kind",
        ["year"] = "year(CreatedAt) ge 2000 and year(CreatedDate) le 9999",
        ["month"] = "month(CreatedAt) ge 1 and month(CreatedDate) le 12",
        ["day"] = "day(CreatedAt) ge 1 and day(CreatedDate) le 31",
        ["hour"] = "hour(CreatedAt) ge 0 and hour(CreatedAt) le 23",
        ["minute"] = "minute(CreatedAt) ge 0 and minute(CreatedAt) le 59",
        ["second"] = "second(CreatedAt) ge 0 and second(CreatedAt) le 59",
        ["fractionalseconds"] = "fractionalseconds(CreatedAt) ge 0 and fractionalseconds(CreatedAt) lt 1",
        ["date"] = "date(CreatedAt) ge 2000-01-01",
        ["time"] = "time(CreatedAt) ge 00:00:00",
        ["totaloffsetminutes"] = "totaloffsetminutes(CreatedAt) eq 0",
        ["now"] = "now() gt 2020-01-01T00:00:00Z",
        ["maxdatetime"] = "CreatedAt lt maxdatetime()",
        ["mindatetime"] = "CreatedAt gt mindatetime()",
        ["round"] = "round(SentimentScore) ge floor(SentimentScore) or SentimentScore eq null",
        ["floor"] = "floor(SentimentScore) le SentimentScore or SentimentScore eq null",
        ["ceiling"] = "ceiling(SentimentScore) ge SentimentScore or SentimentScore eq null",
    };

    /// <summary>Canonical functions of OData 4.0 that the engine does not run: none may be published.</summary>
    private static readonly Dictionary<string, string> UnsupportedFunctions = new()
    {
        ["cast"] = "cast(SentimentScore,Edm.Int32) eq 1",
        ["isof"] = "isof(Engage.Interaction)",
        ["totalseconds"] = "totalseconds(duration'PT1S') gt 0",
        ["geo.distance"] = "geo.distance(geography'POINT(0 0)',geography'POINT(1 1)') gt 0",
    };

    [Fact]
    public async Task Metadata_WithCapabilityAnnotations_ReadsBackWithCsdlReaderAndValidates()
    {
        var model = await ReadMetadataAsync();

        model.Validate(out var errors).Should().BeTrue(string.Join("; ", errors));
        var container = model.EntityContainer;
        EnumMember(Value(model, container, Capabilities + "ConformanceLevel")).Should().Be("Intermediate");
        ((IEdmBooleanConstantExpression)Value(model, container, Capabilities + "BatchSupported")).Value.Should().BeFalse();
        Find(model, container, Capabilities + "AsynchronousRequestsSupported").Should().BeNull("the service does not support async requests");
        foreach (var entitySet in container.EntitySets())
        {
            var apply = (IEdmRecordExpression)Value(model, entitySet, "Org.OData.Aggregation.V1.ApplySupported");
            Strings(Property(apply, "Transformations")).Should().Equal(EngineCapabilities.ApplyTransformations);
            EnumMember(Property(apply, "Rollup")).Should().Be("None", "rollup is not supported, and the vocabulary's default is full rollup");
            apply.Properties.Select(p => p.Name).Should().NotContain(["GroupableProperties", "AggregatableProperties"]);
        }
    }

    /// <summary>One use of each transformation over a set's key (an integer or, for Plugins, a string), so it applies to every entity set.</summary>
    private static readonly Dictionary<string, string> TransformationUses = new()
    {
        ["filter"] = "filter(Id ne null)",
        ["compute"] = "compute(Id as KeyCopy)",
        ["groupby"] = "groupby((Id))",
        ["aggregate"] = "aggregate($count as Total)",
    };

    [Fact]
    public async Task ApplySupported_EachPublishedTransformation_IsAnsweredOnEverySet()
    {
        var model = await ReadMetadataAsync();
        var published = model.EntityContainer.EntitySets()
            .SelectMany(set => Strings(Property(Value(model, set, "Org.OData.Aggregation.V1.ApplySupported"), "Transformations")))
            .Distinct()
            .ToList();

        published.Should().BeEquivalentTo(TransformationUses.Keys, "every published transformation has a check here, and every checked one is published");
        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var total = await CountAsync($"/odata/{entitySet.Name}/$count");
            foreach (var transformation in Strings(Property(Value(model, entitySet, "Org.OData.Aggregation.V1.ApplySupported"), "Transformations")))
            {
                var url = $"/odata/{entitySet.Name}?$apply={Uri.EscapeDataString(TransformationUses[transformation])}&$count=true";
                var json = await PowerQueryClient.GetJsonAsync(demo, url);
                var expected = transformation == "aggregate" ? 1 : total;
                json.GetProperty("@odata.count").GetInt64().Should().Be(expected, url);
            }
        }
    }

    [Fact]
    public async Task FilterFunctions_EachPublishedFunction_FiltersTheDemoDataCorrectly()
    {
        var model = await ReadMetadataAsync();
        var published = Strings(Value(model, model.EntityContainer, Capabilities + "FilterFunctions"));
        var total = await CountAsync("/odata/Interactions/$count");
        total.Should().BePositive();

        published.Should().BeEquivalentTo(FunctionTautologies.Keys, "every published function has a check here, and every checked one is published");
        foreach (var function in published)
        {
            var filter = Uri.EscapeDataString(FunctionTautologies[function]);
            (await CountAsync($"/odata/Interactions/$count?$filter={filter}")).Should().Be(total, function);
        }
    }

    [Fact]
    public async Task FilterFunctions_CanonicalFunctionsNotPublished_AreRefusedNotAnswered()
    {
        var model = await ReadMetadataAsync();
        var published = Strings(Value(model, model.EntityContainer, Capabilities + "FilterFunctions"));

        foreach (var (function, filter) in UnsupportedFunctions)
        {
            published.Should().NotContain(function);
            var response = await PowerQueryClient.SendAsync(demo, "/odata/Interactions?$filter=" + Uri.EscapeDataString(filter));
            ((int)response.Status).Should().BeOneOf([400, 501], function);
            response.Body.Should().Contain("\"error\"");
        }
    }

    [Fact]
    public async Task SearchRestrictions_Searchable_MatchesWhetherSearchIsAnswered()
    {
        var model = await ReadMetadataAsync();

        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var searchable = Bool(Property(Value(model, entitySet, Capabilities + "SearchRestrictions"), "Searchable"));
            var response = await PowerQueryClient.SendAsync(demo, $"/odata/{entitySet.Name}?$search=demo&$top=1");
            response.Status.Should().Be(searchable ? HttpStatusCode.OK : HttpStatusCode.BadRequest, entitySet.Name);
        }
    }

    [Fact]
    public async Task TopSkipCountFilter_PublishedPerSet_AreAnsweredOnEverySet()
    {
        var model = await ReadMetadataAsync();

        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var name = entitySet.Name;
            Bool(Value(model, entitySet, Capabilities + "TopSupported")).Should().BeTrue(name);
            Bool(Value(model, entitySet, Capabilities + "SkipSupported")).Should().BeTrue(name);
            Bool(Property(Value(model, entitySet, Capabilities + "CountRestrictions"), "Countable")).Should().BeTrue(name);
            Bool(Property(Value(model, entitySet, Capabilities + "FilterRestrictions"), "Filterable")).Should().BeTrue(name);
            Bool(Property(Value(model, entitySet, Capabilities + "FilterRestrictions"), "RequiresFilter")).Should().BeFalse(name);

            var total = await CountAsync($"/odata/{name}/$count");
            var page = await PowerQueryClient.GetJsonAsync(demo, $"/odata/{name}?$top=1&$skip=1&$count=true&$filter=Id eq Id");
            page.GetProperty("@odata.count").GetInt64().Should().Be(total, name);
            page.GetProperty("value").GetArrayLength().Should().Be(total > 1 ? 1 : 0, name);
        }
    }

    [Fact]
    public async Task SortRestrictions_NoPropertyListedAsNonSortable_EveryPropertySortsBothWays()
    {
        var model = await ReadMetadataAsync();

        foreach (var entitySet in model.EntityContainer.EntitySets())
        {
            var sort = Value(model, entitySet, Capabilities + "SortRestrictions");
            Bool(Property(sort, "Sortable")).Should().BeTrue();
            Property(sort, "NonSortableProperties").Should().BeAssignableTo<IEdmCollectionExpression>().Which.Elements.Should().BeEmpty();
            var properties = entitySet.EntityType().StructuralProperties().Select(p => p.Name).ToList();
            var orderBy = string.Join(",", properties.Select((p, i) => i % 2 == 0 ? p : p + " desc"));
            var response = await PowerQueryClient.SendAsync(demo, $"/odata/{entitySet.Name}?$top=2&$orderby={Uri.EscapeDataString(orderBy)}");
            response.Status.Should().Be(HttpStatusCode.OK, entitySet.Name + ": " + response.Body);
        }
    }

    [Fact]
    public async Task ExpandRestrictions_MaxLevels_IsExactlyTheDeepestExpandAnswered()
    {
        var model = await ReadMetadataAsync();
        var accounts = model.EntityContainer.FindEntitySet("Accounts");
        var expand = Value(model, accounts, Capabilities + "ExpandRestrictions");
        Bool(Property(expand, "Expandable")).Should().BeTrue();
        var maxLevels = (int)((IEdmIntegerConstantExpression)Property(expand, "MaxLevels")).Value;
        maxLevels.Should().BePositive();

        var deepest = await PowerQueryClient.SendAsync(demo, "/odata/Accounts?$top=1&$expand=" + Uri.EscapeDataString(NestedExpand(maxLevels)));
        deepest.Status.Should().Be(HttpStatusCode.OK, deepest.Body);
        var tooDeep = await PowerQueryClient.SendAsync(demo, "/odata/Accounts?$top=1&$expand=" + Uri.EscapeDataString(NestedExpand(maxLevels + 1)));
        tooDeep.Status.Should().Be(HttpStatusCode.BadRequest, tooDeep.Body);
    }

    [Fact]
    public async Task SupportedFormats_EachPublishedFormat_IsAnsweredInThatFormat()
    {
        var model = await ReadMetadataAsync();

        foreach (var format in Strings(Value(model, model.EntityContainer, Capabilities + "SupportedFormats")))
        {
            using var client = demo.Factory.CreateAuthenticatedClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Posts?$top=1&$select=Id,Likes");
            request.Headers.TryAddWithoutValidation("Accept", format);
            using var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK, format);
            var contentType = response.Content.Headers.ContentType!.ToString();
            foreach (var parameter in format.Split(';').Skip(1))
            {
                contentType.Should().ContainEquivalentOf(parameter, format);
            }

            var body = await response.Content.ReadAsStringAsync();
            if (format.Contains("IEEE754Compatible=true", StringComparison.Ordinal))
            {
                body.Should().MatchRegex("\"Id\":\"[0-9]+\"", "Int64 values are strings under IEEE754Compatible=true");
            }
        }
    }

    [Fact]
    public async Task BatchSupported_False_BatchRequestsAreNotServed()
    {
        using var client = demo.Factory.CreateAuthenticatedClient();

        using var get = await client.GetAsync("/odata/$batch");
        get.StatusCode.Should().Be(HttpStatusCode.NotImplemented);
        using var post = await client.PostAsync("/odata/$batch", new StringContent("--batch_1--", System.Text.Encoding.UTF8, "multipart/mixed"));
        post.IsSuccessStatusCode.Should().BeFalse();
    }

    private static string NestedExpand(int levels)
    {
        var navigations = new[] { "Posts", "Account" };
        var text = string.Empty;
        for (var level = levels - 1; level >= 0; level--)
        {
            var navigation = navigations[level % 2];
            var options = navigation == "Posts" ? "$top=1" : string.Empty;
            if (text.Length > 0)
            {
                options = options.Length > 0 ? options + ";$expand=" + text : "$expand=" + text;
            }

            text = options.Length > 0 ? $"{navigation}({options})" : navigation;
        }

        return text;
    }

    private Task<IEdmModel> ReadMetadataAsync() => PowerQueryClient.ReadModelAsync(demo);

    private async Task<long> CountAsync(string url)
    {
        var response = await PowerQueryClient.SendAsync(demo, url);
        response.Status.Should().Be(HttpStatusCode.OK, url + ": " + response.Body);
        return long.Parse(response.Body, CultureInfo.InvariantCulture);
    }

    private static IEdmVocabularyAnnotation? Find(IEdmModel model, IEdmVocabularyAnnotatable target, string term) =>
        model.FindVocabularyAnnotations(target).SingleOrDefault(a => a.Term.FullName() == term);

    private static IEdmExpression Value(IEdmModel model, IEdmVocabularyAnnotatable target, string term) =>
        (Find(model, target, term) ?? throw new InvalidOperationException($"{term} is not annotated")).Value;

    private static IEdmExpression Property(IEdmExpression record, string name) =>
        ((IEdmRecordExpression)record).Properties.Single(p => p.Name == name).Value;

    private static bool Bool(IEdmExpression value) => ((IEdmBooleanConstantExpression)value).Value;

    private static string EnumMember(IEdmExpression value) => ((IEdmEnumMemberExpression)value).EnumMembers.Single().Name;

    private static List<string> Strings(IEdmExpression value) =>
        ((IEdmCollectionExpression)value).Elements.Cast<IEdmStringConstantExpression>().Select(s => s.Value).ToList();
}
