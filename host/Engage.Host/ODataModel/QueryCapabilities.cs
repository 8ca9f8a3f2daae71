using Engage.OData.Hosting;
using Engage.OData.Metadata;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;

namespace Engage.Host.ODataModel;

/// <summary>
/// The query capability annotations of <c>$metadata</c> (odata-for-bi.md §2.7): what every entity set of the public
/// model supports for reading, stated only where it is true. The facts about the engine (functions, <c>$apply</c>
/// transformations, expand depth, formats, search) come from <see cref="EngineCapabilities"/>, so they follow the code.
/// Not published: a page size (no standard term exists), <c>AsynchronousRequestsSupported</c> (not supported), and
/// <c>GroupableProperties</c>/<c>AggregatableProperties</c> (no per-property restriction exists to state).
/// </summary>
internal static class QueryCapabilities
{
    private const string Namespace = "Org.OData.Capabilities.V1";

    private static readonly Uri CapabilitiesLocation = new("https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Capabilities.V1.xml");

    /// <summary>A model that sees the vocabularies ODL ships (Core, Capabilities), to find their types.</summary>
    private static readonly EdmModel Vocabulary = new();

    /// <summary>Adds the annotations (and the vocabulary references they need) to <paramref name="model"/> and returns it.</summary>
    public static EdmModel Annotate(EdmModel model, IReadOnlyList<EntitySetMapping> mappings)
    {
        var container = model.EntityContainer;
        Add(model, container, "ConformanceLevel", Member("ConformanceLevelType", "Intermediate"));
        Add(model, container, "SupportedFormats", Strings(EngineCapabilities.SupportedFormats));
        Add(model, container, "FilterFunctions", Strings(EngineCapabilities.FilterFunctions));
        Add(model, container, "BatchSupported", new EdmBooleanConstant(false));
        var aggregation = AggregationVocabulary.DeclareIn(model);
        foreach (var entitySet in container.EntitySets())
        {
            var mapping = mappings.Single(m => m.EntitySet == entitySet.Name);
            Add(model, entitySet, "TopSupported", new EdmBooleanConstant(true));
            Add(model, entitySet, "SkipSupported", new EdmBooleanConstant(true));
            Add(model, entitySet, "CountRestrictions", Record("CountRestrictionsType", ("Countable", new EdmBooleanConstant(true))));
            Add(model, entitySet, "FilterRestrictions", Record("FilterRestrictionsType",
                ("Filterable", new EdmBooleanConstant(true)), ("RequiresFilter", new EdmBooleanConstant(false))));
            Add(model, entitySet, "SortRestrictions", Record("SortRestrictionsType", ("Sortable", new EdmBooleanConstant(true))));
            Add(model, entitySet, "ExpandRestrictions", Record("ExpandRestrictionsType",
                ("Expandable", new EdmBooleanConstant(true)), ("MaxLevels", new EdmIntegerConstant(EngineCapabilities.MaxExpandLevels))));
            Add(model, entitySet, "SearchRestrictions", Record("SearchRestrictionsType",
                ("Searchable", new EdmBooleanConstant(EngineCapabilities.IsSearchable(entitySet, mapping)))));
            AddApplySupported(model, aggregation, entitySet);
        }

        var capabilities = new EdmReference(CapabilitiesLocation);
        capabilities.AddInclude(new EdmInclude("Capabilities", Namespace));
        model.SetEdmReferences([.. model.GetEdmReferences() ?? [], capabilities]);
        return model;
    }

    private static void AddApplySupported(EdmModel model, AggregationVocabulary aggregation, IEdmEntitySet entitySet)
    {
        var type = new EdmComplexTypeReference(aggregation.ApplySupportedType, isNullable: false);
        var rollupNone = aggregation.RollupType.Members.Single(m => m.Name == "None");
        var record = new EdmRecordExpression(type,
            new EdmPropertyConstructor("Transformations", Strings(EngineCapabilities.ApplyTransformations)),
            new EdmPropertyConstructor("Rollup", new EdmEnumMemberExpression(rollupNone)));
        Set(model, new EdmVocabularyAnnotation(entitySet, aggregation.ApplySupported, record));
    }

    private static void Add(EdmModel model, IEdmVocabularyAnnotatable target, string term, IEdmExpression value)
    {
        var declared = model.FindTerm(Namespace + "." + term)
            ?? throw new InvalidOperationException($"ODL's Capabilities vocabulary has no term '{term}'.");
        Set(model, new EdmVocabularyAnnotation(target, declared, value));
    }

    private static void Set(EdmModel model, EdmVocabularyAnnotation annotation)
    {
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.SetVocabularyAnnotation(annotation);
    }

    private static EdmCollectionExpression Strings(IEnumerable<string> values) =>
        new(values.Select(v => (IEdmExpression)new EdmStringConstant(v)));

    private static EdmEnumMemberExpression Member(string enumType, string member)
    {
        var type = (IEdmEnumType)Vocabulary.FindType(Namespace + "." + enumType);
        return new EdmEnumMemberExpression(type.Members.Single(m => m.Name == member));
    }

    /// <summary>
    /// A record of a Capabilities type: the given properties, and every other one at the vocabulary's default (an empty
    /// collection, or the declared <c>DefaultValue</c>), because a CSDL record must name each non-nullable property.
    /// </summary>
    private static EdmRecordExpression Record(string complexType, params (string Name, IEdmExpression Value)[] given)
    {
        var type = (IEdmComplexType)Vocabulary.FindType(Namespace + "." + complexType);
        var properties = new List<IEdmPropertyConstructor>();
        foreach (var property in type.StructuralProperties())
        {
            var value = given.FirstOrDefault(g => g.Name == property.Name).Value ?? DefaultOf(property);
            properties.Add(new EdmPropertyConstructor(property.Name, value));
        }

        return new EdmRecordExpression(new EdmComplexTypeReference(type, isNullable: false), properties);
    }

    private static IEdmExpression DefaultOf(IEdmStructuralProperty property)
    {
        var type = property.Type;
        var fallback = property.DefaultValueString;
        return type.IsCollection() ? new EdmCollectionExpression()
            : fallback is null ? throw new InvalidOperationException($"Capabilities property '{property.Name}' has no default; state it.")
            : type.IsBoolean() ? new EdmBooleanConstant(bool.Parse(fallback))
            : type.IsInt32() ? new EdmIntegerConstant(int.Parse(fallback, System.Globalization.CultureInfo.InvariantCulture))
            : type.IsEnum() ? new EdmEnumMemberExpression(type.AsEnum().EnumDefinition().Members.Single(m => m.Name == fallback))
            : throw new InvalidOperationException($"Capabilities property '{property.Name}': default of type {type.FullName()} not handled.");
    }
}
