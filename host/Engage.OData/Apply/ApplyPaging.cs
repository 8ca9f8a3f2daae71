using Engage.OData.Errors;
using Engage.OData.Hosting;
using Engage.OData.Paging;
using Engage.OData.Query;

namespace Engage.OData.Apply;

/// <summary>
/// The page of aggregated rows to read: min(server page size, <c>odata.maxpagesize</c>, <c>$top</c>) rows from the
/// offset of the skip token plus <c>$skip</c>, and whether one more row is fetched to detect a next page.
/// </summary>
internal readonly record struct ApplyPaging(int RowsToWrite, bool CanHaveMore, long Offset, int? AppliedMaxPageSize)
{
    public static ApplyPaging For(ParsedRequest request, ODataServiceDefinition definition, ClientPreferences preferences, string shape)
    {
        if (request.Top is { } requestedTop && definition.MaxTop is { } maxTop && requestedTop > maxTop)
        {
            throw ODataRequestException.BadRequest($"$top may not exceed {maxTop}.");
        }

        var pageSize = definition.PageSize;
        int? applied = null;
        if (preferences.MaxPageSize is { } preferred && preferred <= pageSize)
        {
            pageSize = preferred;
            applied = preferred;
        }

        var offset = checked((request.SkipToken is null ? 0 : SkipToken.Decode(request.SkipToken, shape)) + (request.Skip ?? 0));
        var top = request.Top;
        return new ApplyPaging(top is { } t && t < pageSize ? (int)t : pageSize, top is null || top > pageSize, offset, applied);
    }
}
