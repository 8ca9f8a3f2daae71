using Engage.OData.Binding;
using Microsoft.OData.UriParser;

namespace Engage.OData.Query;

/// <summary>One <c>$expand</c> item with its nested options (already validated).</summary>
internal sealed class ExpandRequest
{
    public required NavigationBinding Navigation { get; init; }

    /// <summary>The nested <c>$select</c> and <c>$expand</c>.</summary>
    public required Selection Selection { get; init; }

    public FilterClause? Filter { get; init; }

    public OrderByClause? OrderBy { get; init; }

    /// <summary>Rows per parent (nested <c>$top</c>).</summary>
    public long? Top { get; init; }

    /// <summary>Rows skipped per parent (nested <c>$skip</c>).</summary>
    public long? Skip { get; init; }

    /// <summary>Whether <c>Nav@odata.count</c> is written (nested <c>$count=true</c>).</summary>
    public bool Count { get; init; }

    /// <summary>The item in the parent's context URL, e.g. <c>Interactions(Id,Kind)</c>; never <c>Nav()</c>.</summary>
    public required string ContextItem { get; init; }
}
