using Microsoft.OData.Edm;

namespace Engage.OData.Actions;

/// <summary>One parameter of a bound action (besides the binding parameter), as the host registers it.</summary>
internal sealed record ActionParameter(string Name, EdmPrimitiveTypeKind Kind, bool Nullable = false);
