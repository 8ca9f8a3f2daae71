using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Engage.OData.Query;

/// <summary>One <c>$compute</c> item: the alias, its expression and its EDM kind.</summary>
internal sealed record ComputedProperty(string Alias, SingleValueNode Expression, EdmPrimitiveTypeKind Kind);
