using Microsoft.OData.Edm;

namespace Engage.OData.Apply;

/// <summary>
/// One property of the rows an aggregating <c>$apply</c> step produces: its path (<c>Product</c>, <c>Customer/Name</c>
/// or an alias), the SQL that reads it at the current step, its EDM kind and whether it may be null.
/// </summary>
internal sealed record ApplyColumn(IReadOnlyList<string> Path, string Sql, EdmPrimitiveTypeKind Kind, bool CanBeNull)
{
    public string PathText => string.Join('/', Path);

    public bool Matches(IReadOnlyList<string> path) =>
        path.Count == Path.Count && path.Zip(Path).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
}
