using Microsoft.OData.Edm;

namespace Engage.OData.Paging;

/// <summary>An ORDER BY column of a keyset-paged plan: its ordinal in the page statement and its EDM kind.</summary>
internal readonly record struct KeysetColumn(int Ordinal, EdmPrimitiveTypeKind Kind);
