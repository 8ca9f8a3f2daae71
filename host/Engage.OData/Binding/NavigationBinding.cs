using System.Text.Json;
using Microsoft.OData.Edm;

namespace Engage.OData.Binding;

/// <summary>
/// One navigation property read from the model's referential constraint: rows of <see cref="Target"/>
/// belong to a source row when <c>Target.TargetColumn = Source.SourceColumn</c>. For a single-valued
/// navigation on the dependent (Interaction/Contact) the source column is the foreign key; for a
/// collection on the principal (Post/Interactions) it is the principal key.
/// </summary>
internal sealed class NavigationBinding(
    IEdmNavigationProperty property, EntitySetBinding source, EntitySetBinding target, PropertyBinding sourceColumn, PropertyBinding targetColumn)
{
    public IEdmNavigationProperty Property { get; } = property;

    public string Name { get; } = property.Name;

    public JsonEncodedText JsonName { get; } = JsonEncodedText.Encode(property.Name);

    public JsonEncodedText CountName { get; } = JsonEncodedText.Encode(property.Name + "@odata.count");

    public EntitySetBinding Source { get; } = source;

    public EntitySetBinding Target { get; } = target;

    public bool IsCollection { get; } = property.Type.IsCollection();

    /// <summary>The column of the source row that identifies its related rows.</summary>
    public PropertyBinding SourceColumn { get; } = sourceColumn;

    /// <summary>The column of the target rows compared with <see cref="SourceColumn"/>.</summary>
    public PropertyBinding TargetColumn { get; } = targetColumn;
}
