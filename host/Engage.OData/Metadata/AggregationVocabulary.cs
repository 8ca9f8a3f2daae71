using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Vocabularies;

namespace Engage.OData.Metadata;

/// <summary>
/// The part of the OASIS <c>Org.OData.Aggregation.V1</c> vocabulary the engine publishes. ODL 7.7.2 does not ship it,
/// and <c>CsdlReader</c> cannot resolve an <c>edmx:Reference</c> to it without a resolver (the record type and the
/// <c>RollupType</c> member then fail validation), so the model declares it in a schema of its own: the
/// <c>ApplySupported</c> term, the <c>RollupType</c> enumeration and, of <c>ApplySupportedType</c>, only the properties the
/// engine states (<c>Transformations</c>, <c>Rollup</c>), with the OASIS names and types.
/// </summary>
internal sealed class AggregationVocabulary
{
    public const string Namespace = "Org.OData.Aggregation.V1";

    private AggregationVocabulary(EdmTerm applySupported, EdmComplexType applySupportedType, EdmEnumType rollupType)
    {
        ApplySupported = applySupported;
        ApplySupportedType = applySupportedType;
        RollupType = rollupType;
    }

    public EdmTerm ApplySupported { get; }

    public EdmComplexType ApplySupportedType { get; }

    public EdmEnumType RollupType { get; }

    /// <summary>Declares the term and its types in <paramref name="model"/> (once per model).</summary>
    public static AggregationVocabulary DeclareIn(EdmModel model)
    {
        var rollupType = new EdmEnumType(Namespace, "RollupType");
        rollupType.AddMember("None", new EdmEnumMemberValue(0));
        rollupType.AddMember("SingleHierarchy", new EdmEnumMemberValue(1));
        rollupType.AddMember("MultipleHierarchies", new EdmEnumMemberValue(2));

        var applySupportedType = new EdmComplexType(Namespace, "ApplySupportedType");
        applySupportedType.AddStructuralProperty("Transformations", EdmCoreModel.GetCollection(EdmCoreModel.Instance.GetString(isNullable: false)));
        applySupportedType.AddStructuralProperty("Rollup", new EdmEnumTypeReference(rollupType, isNullable: false));

        var applySupported = new EdmTerm(Namespace, "ApplySupported", new EdmComplexTypeReference(applySupportedType, isNullable: true),
            "EntitySet ComplexType EntityContainer");
        model.AddElements([rollupType, applySupportedType, applySupported]);
        return new AggregationVocabulary(applySupported, applySupportedType, rollupType);
    }
}
