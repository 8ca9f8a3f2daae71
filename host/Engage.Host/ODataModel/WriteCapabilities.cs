using Engage.OData.Writes;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;
using Microsoft.OData.Edm.Vocabularies.V1;

namespace Engage.Host.ODataModel;

/// <summary>
/// Declares in <c>$metadata</c> what each entity set accepts, from the same write policies the engine enforces:
/// <c>Capabilities.InsertRestrictions</c>, <c>UpdateRestrictions</c> and <c>DeleteRestrictions</c> on every set
/// (no inserts, updates or deletes through navigation paths, filter segments or casts), <c>Core.OptimisticConcurrency</c>
/// on the versioned sets (the ETag is the row version, so the property list is empty), and on the properties of the
/// writable sets <c>Core.Computed</c> (never set by clients) or <c>Core.Immutable</c> (set on insert only).
/// </summary>
internal static class WriteCapabilities
{
    private const string Capabilities = "Org.OData.Capabilities.V1.";

    public static void Annotate(EdmModel model, IReadOnlyDictionary<string, WritePolicy> policies)
    {
        foreach (var set in model.EntityContainer.EntitySets())
        {
            var policy = policies.GetValueOrDefault(set.Name);
            var type = set.EntityType();
            var properties = type.StructuralProperties().Where(p => !type.Key().Contains(p)).ToList();
            var insertable = policy?.Insertable ?? [];
            var updatable = policy?.Updatable ?? [];
            var deletable = policy?.Deletable ?? false;

            Add(model, set, Capabilities + "InsertRestrictions", Record(
                ("Insertable", new EdmBooleanConstant(insertable.Count > 0)),
                ("NonInsertableProperties", Paths(insertable.Count > 0 ? properties.Where(p => !insertable.Contains(p.Name)) : [])),
                ("MaxLevels", new EdmIntegerConstant(0)),
                ("TypecastSegmentSupported", new EdmBooleanConstant(false))));
            Add(model, set, Capabilities + "UpdateRestrictions", Record(
                ("Updatable", new EdmBooleanConstant(updatable.Count > 0)),
                ("FilterSegmentSupported", new EdmBooleanConstant(false)),
                ("TypecastSegmentSupported", new EdmBooleanConstant(false)),
                ("MaxLevels", new EdmIntegerConstant(0)),
                ("Description", new EdmStringConstant(updatable.Count > 0 ? "PATCH changes only: " + string.Join(", ", updatable) + "; PUT is not supported." : "Read-only."))));
            Add(model, set, Capabilities + "DeleteRestrictions", Record(
                ("Deletable", new EdmBooleanConstant(deletable)),
                ("FilterSegmentSupported", new EdmBooleanConstant(false)),
                ("TypecastSegmentSupported", new EdmBooleanConstant(false)),
                ("MaxLevels", new EdmIntegerConstant(0))));

            if (policy?.VersionColumn is not null)
            {
                Add(model, set, CoreVocabularyModel.ConcurrencyTerm, new EdmCollectionExpression());
            }

            if (policy is not null && (insertable.Count > 0 || updatable.Count > 0))
            {
                foreach (var property in properties.Where(p => !updatable.Contains(p.Name)))
                {
                    var term = insertable.Contains(property.Name) ? CoreVocabularyModel.ImmutableTerm : CoreVocabularyModel.ComputedTerm;
                    Add(model, property, term, new EdmBooleanConstant(true));
                }
            }
        }
    }

    private static EdmRecordExpression Record(params (string Name, IEdmExpression Value)[] properties) =>
        new(properties.Select(p => new EdmPropertyConstructor(p.Name, p.Value)));

    private static EdmCollectionExpression Paths(IEnumerable<IEdmStructuralProperty> properties) =>
        new(properties.Select(p => (IEdmExpression)new EdmPropertyPathExpression(p.Name)));

    private static void Add(EdmModel model, IEdmVocabularyAnnotatable target, string termName, IEdmExpression value) =>
        Add(model, target, model.FindTerm(termName)
            ?? throw new InvalidOperationException($"The vocabulary term {termName} is missing."), value);

    private static void Add(EdmModel model, IEdmVocabularyAnnotatable target, IEdmTerm term, IEdmExpression value)
    {
        var annotation = new EdmVocabularyAnnotation(target, term, value);
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.AddVocabularyAnnotation(annotation);
    }
}
