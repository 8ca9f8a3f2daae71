using Microsoft.OData.Edm;

namespace Engage.OData.Query;

/// <summary>A <c>$compute</c> alias written on every entity: its name, EDM kind and ordinal in the page statement.</summary>
internal sealed record ComputedColumn(string Name, EdmPrimitiveTypeKind Kind, int Ordinal);
