using Engage.OData.Actions;
using Engage.OData.Hosting;
using Engage.OData.Metadata;
using Microsoft.OData.Edm;

namespace Engage.OData.Binding;

/// <summary>The validated, compiled form of an <see cref="ODataServiceDefinition"/>, built once at startup.</summary>
internal sealed class ServiceBinding(
    ODataServiceDefinition definition,
    IReadOnlyList<EntitySetBinding> entitySets,
    MetadataDocument metadata)
{
    private readonly Dictionary<IEdmEntitySet, EntitySetBinding> _byEntitySet =
        entitySets.ToDictionary<EntitySetBinding, IEdmEntitySet, EntitySetBinding>(s => s.EntitySet, s => s, ReferenceEqualityComparer.Instance);

    public ODataServiceDefinition Definition { get; } = definition;

    public IEdmModel Model => Definition.Model;

    /// <summary>Entity sets in the order of the model's container.</summary>
    public IReadOnlyList<EntitySetBinding> EntitySets { get; } = entitySets;

    public MetadataDocument Metadata { get; } = metadata;

    /// <summary>The served bound actions, by their model element.</summary>
    public IReadOnlyDictionary<IEdmAction, ActionBinding> Actions { get; init; } = new Dictionary<IEdmAction, ActionBinding>();

    public EntitySetBinding? Find(IEdmEntitySet entitySet) => _byEntitySet.GetValueOrDefault(entitySet);
}
