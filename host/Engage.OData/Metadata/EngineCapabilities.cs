using Engage.OData.Hosting;
using Engage.OData.Query;
using Engage.OData.Sql;
using Microsoft.OData.Edm;

namespace Engage.OData.Metadata;

/// <summary>
/// What the engine really supports, read from the code that does it, for the host's capability annotations
/// (<c>Org.OData.Capabilities.V1</c>, <c>Org.OData.Aggregation.V1</c>) in <c>$metadata</c>.
/// </summary>
internal static class EngineCapabilities
{
    /// <summary>The canonical functions <c>$filter</c> translates: the translator's own table, sorted.</summary>
    public static IReadOnlyList<string> FilterFunctions { get; } = SqlFunctionTranslator.Names.Order(StringComparer.Ordinal).ToList();

    /// <summary>The <c>$apply</c> transformations the engine runs.</summary>
    public static IReadOnlyList<string> ApplyTransformations { get; } = ["filter", "groupby", "aggregate", "compute"];

    /// <summary>The deepest <c>$expand</c> the parser accepts.</summary>
    public static int MaxExpandLevels => ODataRequestParser.MaxExpansionDepth;

    /// <summary>The media types <c>JsonFormatNegotiator</c> answers (with <c>IEEE754Compatible=true</c> also accepted on each).</summary>
    public static IReadOnlyList<string> SupportedFormats { get; } =
    [
        "application/json;odata.metadata=minimal",
        "application/json;odata.metadata=full",
        "application/json;odata.metadata=none",
        "application/json;odata.metadata=minimal;IEEE754Compatible=true",
    ];

    /// <summary>
    /// Whether <c>$search</c> is allowed on the set: its <see cref="EntitySetMapping.SearchProperties"/>, or by default
    /// every Edm.String property, is not empty (the same rule the binding applies at startup).
    /// </summary>
    public static bool IsSearchable(IEdmEntitySet entitySet, EntitySetMapping mapping) =>
        mapping.SearchProperties is { } listed
            ? listed.Count > 0
            : entitySet.EntityType().StructuralProperties().Any(p => p.Type.IsPrimitive() && p.Type.AsPrimitive().PrimitiveKind() == EdmPrimitiveTypeKind.String);
}
