using Engage.OData.Binding;
using Microsoft.OData.Edm;

namespace Engage.OData.Actions;

/// <summary>A registered action matched with its <c>EdmAction</c> and binding set at startup.</summary>
internal sealed record ActionBinding(BoundActionDefinition Definition, IEdmAction Action, EntitySetBinding BindingSet);
